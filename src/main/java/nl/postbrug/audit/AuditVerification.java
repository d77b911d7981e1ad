package nl.postbrug.audit;

import javax.sql.DataSource;

import nl.postbrug.audit.anchor.AnchorFolder;
import nl.postbrug.audit.anchor.AnchorKeyring;
import nl.postbrug.audit.chain.ChainVerifier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the chain and every anchor in the anchor folder with the service's own public
 * key. The command line ({@code audit verify}) does the same without the service.
 */
@Service
public class AuditVerification {

	private final ChainVerifier chain;

	private final AnchorFolder anchors;

	private final AnchorKeyring keys;

	AuditVerification(DataSource dataSource, AnchorFolder anchors, AnchorKeyring keys) {
		this.chain = new ChainVerifier(dataSource);
		this.anchors = anchors;
		this.keys = keys;
	}

	@Transactional(readOnly = true)
	public Verification verify() {
		return chain.verify(anchors.readAll(), keys.publicKey());
	}

}
