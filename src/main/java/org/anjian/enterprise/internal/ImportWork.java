package org.anjian.enterprise.internal;

import java.util.List;
import java.util.Optional;

import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidRowsException.RowProblem;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.work.BackgroundWork;
import org.anjian.shared.work.Progress;
import org.anjian.shared.work.Work;
import org.anjian.shared.work.WorkStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports as background runs, one at a time per jurisdiction (two imports of one district would write the same
 * files): started from the import page (answered at once, polled for progress) or done while an API client waits,
 * claimed the same way. Still all or nothing: a run either writes every row or none, and a refused run keeps every
 * bad row (line, column, reason) as its result, as the API's problem lists them; a done run keeps its report. Both
 * stay with the run, for its page and {@code GET /api/work/{id}}.
 */
@Component
public class ImportWork {

	public static final String KIND = "enterprise.import";

	/** Bad rows a page lists; the API's result holds them all. */
	public static final int ROWS_SHOWN = 1_000;

	private final BackgroundWork works;
	private final EnterpriseImport imports;
	private final CurrentActor actors;
	private final ObjectMapper json;

	ImportWork(BackgroundWork works, EnterpriseImport imports, CurrentActor actors, ObjectMapper json) {
		this.works = works;
		this.imports = imports;
		this.actors = actors;
		this.json = json;
	}

	/** What a refused import kept: how many lines were bad and every problem. */
	public record BadRows(long badRowCount, List<RowProblem> rowErrors) {
	}

	@Authorized(Act.IMPORT_ENTERPRISES)
	public Work start(byte[] content, String filename) {
		JurisdictionScope scope = scope();
		return works.start(KIND, scope.code(), label(filename), scope.districtCode(), scope.streetCode(),
				progress -> done(importKept(content, progress)));
	}

	@Authorized(Act.IMPORT_ENTERPRISES)
	public EnterpriseImport.Report importNow(byte[] content, String filename) {
		JurisdictionScope scope = scope();
		return works.run(KIND, scope.code(), label(filename), scope.districtCode(), scope.streetCode(),
				progress -> importKept(content, progress), ImportWork::done);
	}

	private EnterpriseImport.Report importKept(byte[] content, Progress progress) {
		EnterpriseImport.Report report = imports.importFile(content, progress);
		progress.keep(report);
		return report;
	}

	/** The import to show: the one named, once it is an import the caller sees, else the jurisdiction's in progress. */
	public Optional<Work> shown(Long named) {
		if (named != null) {
			try {
				Work run = works.find(named);
				if (KIND.equals(run.kind())) {
					return Optional.of(run);
				}
			}
			catch (NotFoundException e) {
				// another jurisdiction's run, or none: the caller's in progress is shown
			}
		}
		return works.running(KIND, scope().code());
	}

	/** The report a done import kept. */
	public Optional<EnterpriseImport.Report> report(Work run) {
		return run.hasResult() && run.status() == WorkStatus.DONE
				? works.result(run.id()).map(text -> json.readValue(text, EnterpriseImport.Report.class))
				: Optional.empty();
	}

	/** The bad rows a refused import kept. */
	public Optional<BadRows> badRows(Work run) {
		return run.hasResult() && run.status() == WorkStatus.FAILED
				? works.result(run.id()).map(text -> json.readValue(text, BadRows.class))
				: Optional.empty();
	}

	private JurisdictionScope scope() {
		return actors.current().map(Actor::scope).orElseThrow(() -> new AccessDeniedException("请先登录"));
	}

	private static String label(String filename) {
		return "导入企业档案" + (filename == null || filename.isBlank() ? "" : "（" + filename + "）");
	}

	private static String done(EnterpriseImport.Report report) {
		return "已导入 " + report.rows() + " 行：新建档案 " + report.created() + " 户，更新 " + report.updated() + " 户，无变化 "
				+ report.unchanged() + " 户";
	}
}
