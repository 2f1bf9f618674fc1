package org.anjian.inspection.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.inspection.InspectionCodes;
import org.anjian.inspection.InspectionStatus;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.inspection.internal.InspectionRecords;
import org.anjian.inspection.internal.OnSitePlans;
import org.anjian.inspection.internal.RemoteInspections;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.web.PageActs;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of non-site inspection (非现场检查): for an enterprise's user, its remote tasks whose plan is approved,
 * with a form per item to send materials; for officers, opening a remote task by hand, assembling its plan from
 * remote-eligible items, and reviewing the materials item by item (results are recorded on the record page, as for
 * a visit).
 */
@Controller
class RemoteInspectionPages {

	private static final String ENTERPRISE = "hasRole('ENTERPRISE')";

	private final RemoteInspections remote;
	private final Inspections inspections;
	private final OnSitePlans plans;
	private final InspectionRecords records;
	private final InspectionAccess access;
	private final EnterpriseRegistry registry;
	private final InspectionCodes codes;
	private final Clock clock;

	RemoteInspectionPages(RemoteInspections remote, Inspections inspections, OnSitePlans plans,
			InspectionRecords records, InspectionAccess access, EnterpriseRegistry registry, InspectionCodes codes,
			Clock clock) {
		this.codes = codes;
		this.remote = remote;
		this.inspections = inspections;
		this.plans = plans;
		this.records = records;
		this.access = access;
		this.registry = registry;
		this.clock = clock;
	}

	/** A planned item with the materials sent for it and, for officers, its recorded result. */
	public record ItemMaterials(OnSitePlans.PlannedItem item, List<RemoteInspections.Material> materials,
			InspectionRecords.Result result) {
	}

	/** A remote task as its enterprise sees it; the body's name as the inspection code tells it to the public. */
	public record OwnTask(InspectionTask task, String body, List<ItemMaterials> items) {
	}

	// ---- the enterprise

	@GetMapping("/my/inspections")
	@PreAuthorize(ENTERPRISE)
	String mine(Model model) {
		List<OwnTask> own = remote.awaitingMaterials().stream()
			.map(t -> new OwnTask(t, codes.view(t.codeToken()).bodyName(), items(t.id(), false)))
			.toList();
		model.addAttribute("tasks", own);
		model.addAttribute("maxMegabytes", RemoteInspections.MAX_BYTES / 1024 / 1024);
		return "inspection/remote-mine";
	}

	@PostMapping("/my/inspections/{id}/items/{checklistItemId}/materials")
	@Authorized(Act.SUBMIT_REMOTE_MATERIALS)
	String submit(@PathVariable long id, @PathVariable long checklistItemId,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		try {
			var submitted = remote.submit(id, checklistItemId, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes(), access.actor().username());
			redirect.addFlashAttribute("done", submitted.stored() ? "已提交材料“" + submitted.material().fileName() + "”"
					: "该文件此前已提交过（" + submitted.material().fileName() + "），未重复保存");
		}
		catch (InvalidInputException | InvalidTransitionException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
			redirect.addFlashAttribute("refusedItem", checklistItemId);
		}
		return "redirect:/my/inspections#item-" + id + "-" + checklistItemId;
	}

	// ---- officers

	@GetMapping("/inspections/remote/new")
	@Authorized(Act.OPEN_INSPECTION)
	String newTask(Model model) {
		model.addAttribute("today", LocalDate.now(clock));
		return "inspection/remote-new";
	}

	/** Opens a remote task of the caller's own body by hand; the enterprise must be within its jurisdiction. */
	@PostMapping("/inspections/remote")
	@Authorized(Act.OPEN_INSPECTION)
	String open(@RequestParam(required = false) String uscc, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String matters, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn,
			RedirectAttributes redirect) {
		Long body = access.actor().bodyId();
		if (body == null || InspectionAccess.leader()) {
			throw new AccessDeniedException("只有执法主体的执法人员可以开启非现场检查");
		}
		try {
			InspectionTask task = remote.open(body, uscc == null ? "" : uscc.trim(), reason, matterList(matters),
					plannedOn, access.actor().username());
			redirect.addFlashAttribute("done", "已开启非现场检查任务，请指定执法人员并编制非现场检查方案");
			return "redirect:/inspections/" + task.id();
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
			return "redirect:/inspections/remote/new";
		}
	}

	@PostMapping("/inspections/{id}/remote-plan")
	@Authorized(Act.DRAFT_INSPECTION_PLAN)
	String assemble(@PathVariable long id, RedirectAttributes redirect) {
		access.requireOwn(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect,
				() -> "已编制非现场检查方案：" + remote.assembleRemote(id) + " 个可以非现场检查的检查项");
	}

	@GetMapping("/inspections/{id}/materials")
	@PreAuthorize(InspectionPages.STAFF)
	String review(@PathVariable long id, Model model) {
		InspectionTask task = inspections.task(id);
		model.addAttribute("task", task);
		model.addAttribute("enterprise", registry.names(List.of(task.uscc())).getOrDefault(task.uscc(), task.uscc()));
		List<ItemMaterials> items = items(id, true);
		model.addAttribute("items", items);
		model.addAttribute("missing", items.stream().filter(i -> i.materials().isEmpty()).count());
		model.addAttribute("canRecord", access.own(task) && (task.status() == InspectionStatus.PLAN_APPROVED
				|| task.status() == InspectionStatus.IN_PROGRESS));
		return "inspection/remote-materials";
	}

	@GetMapping("/inspections/{id}/materials/{materialId}")
	@PreAuthorize(InspectionPages.STAFF)
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long materialId) {
		RemoteInspections.MaterialFile file = remote.material(id, materialId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.material().contentType()))
			// served as a download under the enterprise's name for it, never rendered as a page of this site
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(file.material().fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.data());
	}

	// ---- helpers

	private List<ItemMaterials> items(long taskId, boolean withResults) {
		Map<Long, List<RemoteInspections.Material>> byItem = remote.materials(taskId).stream()
			.collect(Collectors.groupingBy(RemoteInspections.Material::checklistItemId));
		Map<Long, InspectionRecords.Result> results = withResults ? records.results(taskId).stream()
			.collect(Collectors.toMap(InspectionRecords.Result::checklistItemId, r -> r)) : Map.of();
		return plans.items(taskId).stream()
			.map(i -> new ItemMaterials(i, byItem.getOrDefault(i.checklistItemId(), List.of()),
					results.get(i.checklistItemId())))
			.toList();
	}

	private static List<String> matterList(String matters) {
		if (matters == null) {
			return List.of();
		}
		return Arrays.stream(matters.split("[\\n,，;；、]")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
	}
}
