package nl.postbrug.audit;

import nl.postbrug.audit.anchor.AnchorFolder;
import nl.postbrug.audit.anchor.AnchorKeyring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The anchor keys and folder. A service without a signing key does not start: an audit
 * log whose newest events can be deleted unnoticed is not one an auditor can rely on.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	AnchorKeyring anchorKeyring(AuditSettings settings) {
		return AnchorKeyring.load(settings);
	}

	@Bean
	AnchorFolder anchorFolder(AuditSettings settings) {
		return new AnchorFolder(settings.anchorDir());
	}

}
