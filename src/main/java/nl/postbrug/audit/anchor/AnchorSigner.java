package nl.postbrug.audit.anchor;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** Signs anchors with the private key and checks them with a public one. */
public final class AnchorSigner {

	private final PrivateKey privateKey;

	private final String keyId;

	public AnchorSigner(PrivateKey privateKey, PublicKey publicKey) {
		if (!AnchorKeys.matches(privateKey, publicKey)) {
			throw new IllegalStateException(
					"postbrug.audit.anchor-public-key does not belong to postbrug.audit.anchor-key");
		}
		this.privateKey = privateKey;
		this.keyId = AnchorKeys.id(publicKey);
	}

	public SignedAnchor sign(Anchor anchor) {
		try {
			Signature signer = Signature.getInstance(AnchorKeys.ALGORITHM);
			signer.initSign(privateKey);
			signer.update(anchor.signedBytes());
			return new SignedAnchor(anchor, keyId, signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign an audit anchor: " + ex.getMessage(), ex);
		}
	}

	/** Whether {@code key} made the anchor's signature over exactly its fields. */
	public static boolean verify(SignedAnchor signed, PublicKey key) {
		try {
			Signature verifier = Signature.getInstance(AnchorKeys.ALGORITHM);
			verifier.initVerify(key);
			verifier.update(signed.anchor().signedBytes());
			return verifier.verify(signed.signature());
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

}
