package nl.postbrug.registry.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import nl.postbrug.registry.Facility;
import nl.postbrug.registry.ImportReport;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.PrisonerMoveImport;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.RegistryImport;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A facility administrator's view of the registry: the prisoners and approved contacts of
 * each of their facilities, and the CSV imports of prisoners and contacts as uploads with
 * the per-row report on the page. A CSV file can name any facility, so only an
 * administrator of all facilities may upload one, except a moves file: each of its rows
 * is a release or transfer that is checked against the administrator's own facilities.
 */
@Controller
class RegistryPages {

	record FacilityRegistry(Facility facility, List<nl.postbrug.registry.Prisoner> prisoners,
			List<Registry.ApprovedContact> contacts) {
	}

	private final Registry registry;

	private final RegistryImport imports;

	private final PrisonerMoveImport moves;

	private final MessageSource bundles;

	RegistryPages(Registry registry, RegistryImport imports, PrisonerMoveImport moves, MessageSource bundles) {
		this.registry = registry;
		this.imports = imports;
		this.moves = moves;
		this.bundles = bundles;
	}

	@GetMapping("/staff/registry")
	@PreAuthorize("hasRole('FACILITY_ADMIN')")
	String show(@AuthenticationPrincipal PostbrugUser admin, Model model) {
		model.addAttribute("facilities",
				registry.facilities()
					.stream()
					.filter(f -> admin.canAct(f.id()))
					.map(f -> new FacilityRegistry(f, registry.prisonersOf(f.id()), registry.contactsOf(f.id())))
					.toList());
		model.addAttribute("mayImport", admin.allFacilities());
		return "registry/staff-registry";
	}

	@PostMapping("/staff/registry/import")
	@PreAuthorize("hasRole('FACILITY_ADMIN')")
	String upload(@AuthenticationPrincipal PostbrugUser admin, @RequestParam(defaultValue = "") String kind,
			@RequestParam(name = "file", required = false) MultipartFile file, Locale locale, Model model)
			throws IOException {
		// A moves file is checked row by row against the administrator's own facilities.
		if (!admin.allFacilities() && !kind.equals("moves")) {
			model.addAttribute("problem", bundles.getMessage("staff.registry.import.all-only", null, locale));
		}
		else if (file == null || file.isEmpty()) {
			model.addAttribute("problem", bundles.getMessage("staff.registry.import.no-file", null, locale));
		}
		else {
			try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
				ImportReport report = switch (kind) {
					case "prisoners" -> imports.prisoners(csv);
					case "units" -> imports.units(csv);
					case "contacts" -> imports.contacts(csv);
					case "moves" -> moves.moves(csv, admin);
					default -> null;
				};
				if (report == null) {
					model.addAttribute("problem", bundles.getMessage("staff.registry.import.kind", null, locale));
				}
				else {
					model.addAttribute("report", report);
				}
			}
		}
		return show(admin, model);
	}

}
