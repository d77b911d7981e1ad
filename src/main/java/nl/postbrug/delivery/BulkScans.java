package nl.postbrug.delivery;

import java.util.List;

import nl.postbrug.letters.ScannedPages;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk confirmation: a scanned image or PDF (signed delivery lists, or the letters
 * themselves) is read first, then every code on it is recorded as one scan each, in one
 * transaction: a file that cannot be read, or a scan that fails, records nothing.
 */
@Service
public class BulkScans {

	/** More codes than a postroom round has letters is not a scan of letters. */
	static final int MAX_CODES = 2000;

	public record Result(String code, ScanOutcome outcome) {
	}

	public record Report(int pages, int pagesWithoutCode, List<Result> results) {
	}

	private final Delivery delivery;

	private final TransactionTemplate transactions;

	BulkScans(Delivery delivery, TransactionTemplate transactions) {
		this.delivery = delivery;
		this.transactions = transactions;
	}

	/**
	 * @throws ScannedPages.Refused when the file is not a readable scan within the limits
	 */
	public Report confirm(byte[] file, PostbrugUser staff) {
		// Read before the transaction: rendering pages holds no database connection.
		ScannedPages.Read read = ScannedPages.read(file, ScannedPages.Limits.DEFAULT);
		if (read.codes().size() > MAX_CODES) {
			throw new ScannedPages.Refused("scan.too-many-codes",
					"The file holds " + read.codes().size() + " codes; at most " + MAX_CODES + " are recorded at once",
					read.codes().size(), MAX_CODES);
		}
		List<Result> results = transactions.execute(tx -> read.codes()
			.stream()
			.map(code -> new Result(code, delivery.scan(code, staff).outcome()))
			.toList());
		return new Report(read.pages(), read.pagesWithoutCode(), results);
	}

}
