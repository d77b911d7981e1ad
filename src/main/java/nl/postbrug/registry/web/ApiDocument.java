package nl.postbrug.registry.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of the OpenAPI 3 document springdoc writes from the controllers at
 * {@code /v3/api-docs}: what the API is and how to sign in (HTTP Basic: a staff username
 * or a relative's email address).
 */
@Configuration
class ApiDocument {

	@Bean
	OpenAPI postbrugApi() {
		return new OpenAPI()
			.info(new Info().title("Postbrug API")
				.version("v1")
				.description("Relatives register, ask to write to a prisoner, preview, send and follow messages; "
						+ "staff decide requests and follow letters. Errors are RFC 9457 problem details in the "
						+ "request's language (Accept-Language; Dutch by default).")
				.license(new License().name("Open source")))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
