package nl.postbrug.batches.web;

import nl.postbrug.batches.Batches;
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.registry.OutOfScope;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static nl.postbrug.ErrorResponses.problem;

@RestControllerAdvice(basePackageClasses = BatchProblems.class)
class BatchProblems {

	@ExceptionHandler
	ProblemDetail outOfScope(OutOfScope ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail cannotReprint(Batches.CannotReprint ex) {
		return problem(HttpStatus.CONFLICT, "Cannot do this now", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail printer(PrinterUnavailable ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Printer unavailable", ex.getMessage());
	}

}
