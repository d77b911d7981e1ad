package nl.postbrug.registry.web;

import nl.postbrug.registry.Accounts;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Relatives' accounts over the API, open without signing in. A registration and a reset
 * request are always answered 202, whether or not the address has an account.
 */
@RestController
class AccountsController {

	private final Accounts accounts;

	AccountsController(Accounts accounts) {
		this.accounts = accounts;
	}

	record Registration(String email, String name, String password) {
	}

	record Verification(String email, String code) {
	}

	record ResetRequest(String email) {
	}

	record Reset(String email, String code, String password) {
	}

	record Done(String status) {
	}

	@PostMapping("/api/v1/registrations")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Done register(@RequestBody Registration registration) {
		accounts.register(registration.email(), registration.name(), registration.password());
		return new Done("CODE_SENT");
	}

	@PostMapping("/api/v1/registrations/verify")
	Done verify(@RequestBody Verification verification) {
		accounts.verify(verification.email(), verification.code());
		return new Done("VERIFIED");
	}

	@PostMapping("/api/v1/password-resets")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Done requestReset(@RequestBody ResetRequest request) {
		accounts.requestReset(request.email());
		return new Done("CODE_SENT");
	}

	@PostMapping("/api/v1/password-resets/confirm")
	Done reset(@RequestBody Reset reset) {
		accounts.resetPassword(reset.email(), reset.code(), reset.password());
		return new Done("PASSWORD_SET");
	}

}
