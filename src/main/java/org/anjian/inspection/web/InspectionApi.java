package org.anjian.inspection.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.anjian.inspection.InspectionFinished;
import org.anjian.inspection.InspectionStatus;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.inspection.internal.InspectionRecords;
import org.anjian.inspection.internal.OnSitePlans;
import org.anjian.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for inspections, for the field app: tasks, their on-site plan, and the record. A result is put per item
 * ({@code PUT /api/inspections/{id}/results/{checklistItemId}}), so a phone that lost its connection sends the same
 * request again and the record still holds one result per item.
 */
@RestController
@PreAuthorize(InspectionPages.STAFF)
class InspectionApi {

	private final Inspections inspections;
	private final OnSitePlans plans;
	private final InspectionRecords records;
	private final InspectionAccess access;

	InspectionApi(Inspections inspections, OnSitePlans plans, InspectionRecords records, InspectionAccess access) {
		this.inspections = inspections;
		this.plans = plans;
		this.records = records;
		this.access = access;
	}

	record TaskView(long id, long bodyId, String uscc, String origin, String reason, List<String> matters,
			LocalDate plannedOn, String status, Long leadOfficerId, Long secondOfficerId, String documentNumber,
			String codeUrl, int version) {

		static TaskView of(InspectionTask t) {
			return new TaskView(t.id(), t.bodyId(), t.uscc(), t.origin().name(), t.reason(), t.matters(), t.plannedOn(),
					t.status().name(), t.leadOfficerId(), t.secondOfficerId(), t.documentNumber(), "/p/ic/" + t.codeToken(),
					t.version());
		}
	}

	record TaskRequest(Long bodyId, String uscc, String reason, List<String> matters, LocalDate plannedOn) {
	}

	record ResultRequest(String outcome, String note, BigDecimal longitude, BigDecimal latitude) {
	}

	@GetMapping("/api/inspections")
	List<TaskView> tasks(@RequestParam(required = false) InspectionStatus status) {
		return inspections.tasks(status).stream().map(TaskView::of).toList();
	}

	@GetMapping("/api/inspections/{id}")
	TaskView task(@PathVariable long id) {
		return TaskView.of(inspections.task(id));
	}

	@PostMapping("/api/inspections")
	@ResponseStatus(HttpStatus.CREATED)
	TaskView open(@RequestBody TaskRequest request) {
		if (request.bodyId() != null && request.bodyId() != access.bodyOrZero()) {
			throw new AccessDeniedException("只能为本执法主体开具检查任务");
		}
		if (InspectionAccess.leader() || access.actor().bodyId() == null) {
			throw new AccessDeniedException("只有执法主体的执法人员可以开具检查任务");
		}
		return TaskView.of(inspections.open(access.actor().bodyId(), request.uscc() == null ? "" : request.uscc(),
				request.reason(), request.matters(), request.plannedOn(), access.actor().username()));
	}

	@GetMapping("/api/inspections/{id}/plan")
	List<OnSitePlans.PlannedItem> plan(@PathVariable long id) {
		return plans.items(id);
	}

	@GetMapping("/api/inspections/{id}/results")
	List<InspectionRecords.Result> results(@PathVariable long id) {
		return records.results(id);
	}

	@PutMapping("/api/inspections/{id}/results/{checklistItemId}")
	InspectionRecords.Result record(@PathVariable long id, @PathVariable long checklistItemId,
			@RequestBody ResultRequest request) {
		access.requireOwn(id);
		InspectionRecords.Outcome outcome;
		try {
			outcome = request.outcome() == null ? null : InspectionRecords.Outcome.valueOf(request.outcome());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("outcome", "结果须为 PASS（合格）、FAIL（不合格）或 NOT_APPLICABLE（不适用）");
		}
		return records.record(id, checklistItemId, outcome, request.note(), request.longitude(), request.latitude(),
				access.actor().username());
	}

	@PostMapping("/api/inspections/{id}/finish")
	InspectionFinished finish(@PathVariable long id, @RequestParam(required = false) Integer version) {
		access.requireOwn(id);
		return records.finish(id, version);
	}
}
