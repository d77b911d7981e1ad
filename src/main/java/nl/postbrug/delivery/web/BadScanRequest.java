package nl.postbrug.delivery.web;

import nl.postbrug.WordedException;

/** A scan request without what it must carry; the words are in {@code i18n/delivery}. */
class BadScanRequest extends WordedException {

	BadScanRequest(String code, String log, Object... arguments) {
		super(code, log, arguments);
	}

}
