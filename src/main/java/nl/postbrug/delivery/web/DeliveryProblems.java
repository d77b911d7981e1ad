package nl.postbrug.delivery.web;

import nl.postbrug.letters.ScannedPages;

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
	ProblemDetail refusedFile(ScannedPages.Refused ex) {
		HttpStatus status = switch (ex.code()) {
			case "scan.too-large", "scan.too-many-pages", "scan.page-too-large" -> HttpStatus.CONTENT_TOO_LARGE;
			default -> HttpStatus.BAD_REQUEST;
		};
		ProblemDetail problem = problem(status, "Scan not read", ex.getMessage() + "; nothing was recorded");
		problem.setProperty("code", ex.code());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail noSuchReply(nl.postbrug.delivery.NoSuchReply ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidReplyCode(nl.postbrug.delivery.InvalidReplyCode ex) {
		return problem(HttpStatus.BAD_REQUEST, "Not a reply code", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail badScan(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Scan not understood", ex.getMessage());
	}

}
