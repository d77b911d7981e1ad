package nl.postbrug.delivery.web;

import java.awt.image.BufferedImage;

import nl.postbrug.delivery.BulkScans;
import nl.postbrug.delivery.CameraFrames;
import nl.postbrug.delivery.Delivery;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.letters.LetterPictures;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Problems.problem;
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The camera's fallback decoder: a frame of a real letter, rendered from the print
 * templates and rasterised as a phone's camera would see it, gives the letter's code; the
 * decoding records nothing; anything but a picture is refused as a problem.
 */
@WebMvcTest(ScanPage.class)
@Import(CameraFrames.class)
@PostbrugWebSecurity
class CameraFrameTests {

	static final String CODE = CopyCodes.newCode();

	static MockMultipartFile letterFrame;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Delivery delivery;

	@MockitoBean
	BulkScans bulk;

	@BeforeAll
	static void aPictureOfALetter() {
		// 150 dpi is about what a phone camera held over an A4 page resolves
		BufferedImage page = LetterPictures.page(CODE, 150);
		letterFrame = new MockMultipartFile("frame", "frame.jpg", "image/jpeg", LetterPictures.jpeg(page, 0.85f));
	}

	@Test
	void aFrameOfALetterGivesItsCodeAndRecordsNothing() throws Exception {
		mvc.perform(multipart("/postroom/scan/decode").file(letterFrame)
			.accept(MediaType.APPLICATION_JSON)
			.with(as(staff(Role.POSTROOM)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.codes.length()").value(1))
			.andExpect(jsonPath("$.codes[0]").value(CODE));
		verifyNoInteractions(delivery, bulk);
	}

	@Test
	void aFrameWithoutABarcodeGivesNoCode() throws Exception {
		BufferedImage blank = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		mvc.perform(multipart("/postroom/scan/decode")
			.file(new MockMultipartFile("frame", "frame.jpg", "image/jpeg", LetterPictures.jpeg(blank, 0.85f)))
			.with(as(staff(Role.POSTROOM)))
			.with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.codes.length()").value(0));
	}

	@Test
	void aPdfOrAnEmptyFrameIsRefusedInTheOfficersLanguage() throws Exception {
		mvc.perform(multipart("/postroom/scan/decode")
			.file(new MockMultipartFile("frame", "frame.pdf", "application/pdf", "%PDF-1.7\n".getBytes()))
			.with(as(staff(Role.POSTROOM)))
			.with(csrf())).andExpect(problem(400, "Camerabeeld niet gelezen", "JPEG- of PNG-afbeelding"));
		mvc.perform(multipart("/postroom/scan/decode").header("Accept-Language", "en")
			.with(as(staff(Role.POSTROOM)))
			.with(csrf())).andExpect(problem(400, "Camera picture not read", "No camera picture"));
	}

	@Test
	void onlyPostroomWithTheFormsToken() throws Exception {
		mvc.perform(multipart("/postroom/scan/decode").file(letterFrame).with(as(staff(Role.POSTROOM))))
			.andExpect(status().isForbidden());
		for (PostbrugUser user : allBut(Role.POSTROOM)) {
			mvc.perform(multipart("/postroom/scan/decode").file(letterFrame).with(as(user)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		mvc.perform(multipart("/postroom/scan/decode").file(letterFrame).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

}
