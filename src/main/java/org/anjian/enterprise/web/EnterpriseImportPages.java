package org.anjian.enterprise.web;

import java.io.IOException;
import java.util.Optional;

import org.anjian.enterprise.internal.EnterpriseExport;
import org.anjian.enterprise.internal.EnterpriseImport;
import org.anjian.enterprise.internal.ImportWork;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.web.BackgroundActs;
import org.anjian.shared.work.Work;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page (批量导入): an officer uploads a CSV or .xlsx file of enterprises; the import runs in the background
 * whatever its size (up to {@value EnterpriseImport#MAX_ROWS} rows, about a minute), so the page answers at once and
 * shows how many rows are checked, then written; once it has ended, the report, or every bad row by line, column and
 * reason (the first {@value ImportWork#ROWS_SHOWN} here, all of them in the run's result through the API). Nothing is
 * written unless every row is right. The export is a download streamed as it is written (see {@link EnterpriseApi}).
 */
@Controller
@PreAuthorize(EnterpriseImportPages.OFFICERS)
class EnterpriseImportPages {

	static final String OFFICERS = "hasAnyRole('CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER', 'ADMIN')";

	private final ImportWork imports;

	EnterpriseImportPages(ImportWork imports) {
		this.imports = imports;
	}

	@GetMapping("/enterprises/import")
	String page(@RequestParam(name = "work", required = false) Long shownRun, Model model) {
		Optional<Work> run = imports.shown(shownRun);
		model.addAttribute("work", run.orElse(null));
		model.addAttribute("running", run.filter(Work::running).isPresent());
		model.addAttribute("report", run.flatMap(imports::report).orElse(null));
		ImportWork.BadRows bad = run.flatMap(imports::badRows).orElse(null);
		model.addAttribute("badRows", bad == null ? null
				: bad.rowErrors().subList(0, Math.min(bad.rowErrors().size(), ImportWork.ROWS_SHOWN)));
		model.addAttribute("badRowCount", bad == null ? 0 : bad.badRowCount());
		model.addAttribute("problems", bad == null ? 0 : bad.rowErrors().size());
		model.addAttribute("maxRows", EnterpriseImport.MAX_ROWS);
		model.addAttribute("maxExportRows", EnterpriseExport.MAX_ROWS);
		return "enterprise/import";
	}

	@PostMapping("/enterprises/import")
	String start(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		byte[] content = file == null ? new byte[0] : file.getBytes();
		String filename = file == null ? null : file.getOriginalFilename();
		return BackgroundActs.start("/enterprises/import", redirect, () -> {
			if (content.length == 0) {
				throw new InvalidInputException("file", "请选择要导入的文件（CSV 或 Excel .xlsx）");
			}
			return imports.start(content, filename);
		});
	}
}
