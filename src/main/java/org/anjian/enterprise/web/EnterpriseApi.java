package org.anjian.enterprise.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseDetails;
import org.anjian.enterprise.internal.EnterpriseExport;
import org.anjian.enterprise.internal.EnterpriseImport;
import org.anjian.enterprise.internal.ImportWork;
import org.anjian.enterprise.internal.EnterpriseQuery;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.internal.EnterpriseSearch;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SectorSubtype;
import org.anjian.enterprise.StandardizationGrade;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.web.BackgroundActs;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST access to the registry. Every credit code is validated: malformed → 400 with the reason, unknown → 404. */
@RestController
@RequestMapping("/api/enterprises")
class EnterpriseApi {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final EnterpriseRegistry registry;
	private final EnterpriseSearch search;
	private final ImportWork imports;
	private final EnterpriseExport exports;
	private final Clock clock;

	EnterpriseApi(EnterpriseRegistry registry, EnterpriseSearch search, ImportWork imports, EnterpriseExport exports,
			Clock clock) {
		this.registry = registry;
		this.search = search;
		this.imports = imports;
		this.exports = exports;
		this.clock = clock;
	}

	record EnterpriseView(String uscc, String name, List<String> formerNames, String legalRepresentative,
			String safetyManager, String safetyManagerPhone, String address, String districtCode, String streetCode,
			BigDecimal longitude, BigDecimal latitude, String industryCode, Sector sector, SectorSubtype sectorSubtype,
			Set<RiskTag> riskTags, Integer majorHazardLevel, Scale scale, Integer employees, boolean keyUnit,
			String keyUnitReason, String parentGroup, JurisdictionLevel supervisionLevel, Long supervisingBodyId,
			String levelRule, String levelOverrideReason, StandardizationGrade standardizationGrade,
			boolean liabilityInsurance, OperatingStatus operatingStatus, Integer version) {

		static EnterpriseView of(Enterprise e) {
			return new EnterpriseView(e.uscc(), e.name(), e.formerNames(), e.legalRepresentative(), e.safetyManager(),
					e.safetyManagerPhone(), e.address(), e.districtCode(), e.streetCode(), e.longitude(), e.latitude(),
					e.industryCode(), e.sector(), e.sectorSubtype(), e.riskTags(), e.majorHazardLevel(), e.scale(),
					e.employees(), e.keyUnit(), e.keyUnitReason(), e.parentGroup(), e.supervisionLevel(),
					e.supervisingBodyId(), e.levelRule(), e.levelOverrideReason(), e.standardizationGrade(),
					e.liabilityInsurance(), e.operatingStatus(), e.version());
		}
	}

	record SupervisionChange(JurisdictionLevel level, String reason, Integer version) {
	}

	record ContactChange(String safetyManager, String safetyManagerPhone, Integer version) {
	}

	@GetMapping
	EnterpriseSearch.Page list(@RequestParam(required = false) String q, @RequestParam(required = false) String district,
			@RequestParam(required = false) String street, @RequestParam(required = false) Sector sector,
			@RequestParam(required = false) RiskTag tag, @RequestParam(required = false) JurisdictionLevel level,
			@RequestParam(required = false) Boolean keyUnit, @RequestParam(required = false) OperatingStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			@RequestParam(required = false) String grade) {
		return search.search(new EnterpriseQuery(q, district, street, sector, tag, level, keyUnit, status, page, size,
				grade));
	}

	/**
	 * Imports a CSV (UTF-8 or GBK) or .xlsx file of enterprises, all or nothing: any bad row answers 400 listing
	 * every bad row (line, column, reason) and changes nothing. The answer waits for the import (20,000 rows take
	 * about a minute); with {@code Prefer: respond-async} it is 202 at once, with the run's address to poll
	 * ({@code /api/work/{id}}), whose result is then the report, or every bad row of a refused file. One import at a
	 * time per jurisdiction: another while one runs is refused (409).
	 */
	@ApiResponse(responseCode = "200", description = BackgroundActs.DONE, content = @Content(schema = @Schema(implementation = EnterpriseImport.Report.class)))
	@ApiResponse(responseCode = "202", description = BackgroundActs.ACCEPTED)
	@PostMapping("/import")
	@Authorized(Act.IMPORT_ENTERPRISES)
	ResponseEntity<?> importFile(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestHeader(name = "Prefer", required = false) String prefer) throws IOException {
		// not required here, so that who may import is decided before what was sent is judged
		if (file == null) {
			throw new InvalidInputException("file", "请以 multipart/form-data 方式上传要导入的文件（表单字段 file）");
		}
		return BackgroundActs.respondAsync(prefer)
				? BackgroundActs.accepted(imports.start(file.getBytes(), file.getOriginalFilename()))
				: ResponseEntity.ok(imports.importNow(file.getBytes(), file.getOriginalFilename()));
	}

	/**
	 * The list with the filters of {@code GET /api/enterprises} as an .xlsx workbook in the import's columns, at
	 * most {@value EnterpriseExport#MAX_ROWS} rows; headers X-Export-Rows and X-Export-Capped say how many and
	 * whether the list was longer.
	 */
	@GetMapping("/export")
	@Authorized(Act.EXPORT_ENTERPRISES)
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) String district,
			@RequestParam(required = false) String street, @RequestParam(required = false) Sector sector,
			@RequestParam(required = false) RiskTag tag, @RequestParam(required = false) JurisdictionLevel level,
			@RequestParam(required = false) Boolean keyUnit, @RequestParam(required = false) OperatingStatus status,
			@RequestParam(required = false) String grade, HttpServletResponse response) throws IOException {
		EnterpriseQuery query = new EnterpriseQuery(q, district, street, sector, tag, level, keyUnit, status, 0, 1, grade);
		EnterpriseExport.Extent extent = exports.extent(query);
		String filename = "企业名录-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx";
		response.setContentType(XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Export-Rows", Long.toString(extent.rows()));
		response.setHeader("X-Export-Capped", Boolean.toString(extent.capped()));
		exports.write(query, response.getOutputStream());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Authorized(Act.REGISTER_ENTERPRISE)
	EnterpriseView register(@RequestBody EnterpriseDetails details) {
		return EnterpriseView.of(registry.register(details));
	}

	@GetMapping("/{uscc}")
	EnterpriseView file(@PathVariable String uscc) {
		return EnterpriseView.of(registry.file(uscc));
	}

	@PutMapping("/{uscc}")
	@Authorized(Act.CHANGE_ENTERPRISE)
	EnterpriseView update(@PathVariable String uscc, @RequestBody EnterpriseDetails details) {
		return EnterpriseView.of(registry.update(uscc, details));
	}

	/** Overrides the supervision level with a reason; a null level returns the enterprise to its rule. */
	@PutMapping("/{uscc}/supervision")
	@Authorized(Act.CHANGE_SUPERVISION_LEVEL)
	EnterpriseView supervision(@PathVariable String uscc, @RequestBody SupervisionChange change) {
		return EnterpriseView.of(registry.overrideSupervision(uscc, change.level(), change.reason(), change.version()));
	}

	@PutMapping("/{uscc}/contact")
	@Authorized(Act.CHANGE_CONTACT)
	EnterpriseView contact(@PathVariable String uscc, @RequestBody ContactChange change) {
		return EnterpriseView.of(registry.updateContact(uscc, change.safetyManager(), change.safetyManagerPhone(),
				change.version()));
	}

	@PostMapping("/{uscc}/suspension")
	@Authorized(Act.SUSPEND_ENTERPRISE)
	EnterpriseView suspend(@PathVariable String uscc) {
		return EnterpriseView.of(registry.suspend(uscc));
	}

	@PostMapping("/{uscc}/resumption")
	@Authorized(Act.RESUME_ENTERPRISE)
	EnterpriseView resume(@PathVariable String uscc) {
		return EnterpriseView.of(registry.resume(uscc));
	}

	@PostMapping("/{uscc}/deregistration")
	@Authorized(Act.DEREGISTER_ENTERPRISE)
	EnterpriseView deregister(@PathVariable String uscc) {
		return EnterpriseView.of(registry.deregister(uscc));
	}
}
