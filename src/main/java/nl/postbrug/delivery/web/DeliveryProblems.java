package nl.postbrug.delivery.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static nl.postbrug.ErrorResponses.problem;

@RestControllerAdvice(basePackageClasses = DeliveryProblems.class)
class DeliveryProblems {

	@ExceptionHandler
	ProblemDetail noSuchFacility(OverdueController.NoSuchFacility ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail badScan(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Scan not understood", ex.getMessage());
	}

}
