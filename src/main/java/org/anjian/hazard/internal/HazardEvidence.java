package org.anjian.hazard.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anjian.audit.AuditTrail;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.Sha256;
import org.anjian.shared.UploadedFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise's report of its rectification with its evidence (整改材料): a note and photos or documents (JPEG,
 * PNG or PDF, at most 10 MB each, a file sent twice kept once), stored beside the hazard, which then waits for
 * re-inspection. The report and its files are saved together or not at all.
 */
@Service
public class HazardEvidence {

	/** The largest file accepted, as the table's check says. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private final HazardRectification rectification;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	HazardEvidence(HazardRectification rectification, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.rectification = rectification;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A file as the enterprise sent it. */
	public record Upload(String fileName, byte[] data) {
	}

	/** A stored file as listed: everything but its bytes. */
	public record EvidenceFile(long id, long hazardId, String fileName, String contentType, int sizeBytes, String sha256,
			String uploadedBy, Instant uploadedAt) {
	}

	/** A stored file with its bytes, for download. */
	public record EvidenceData(EvidenceFile file, byte[] data) {
	}

	/**
	 * The enterprise reports the rectification done: the note, and at least one file showing it. Every file is
	 * checked before anything is saved, so a refused file leaves the hazard as it was.
	 */
	@Authorized(Act.SUBMIT_RECTIFICATION)
	@Transactional
	public Hazard submit(long hazardId, String note, List<Upload> uploads, Integer version, String by) {
		audit.describe(HazardAction.SUBMIT_RECTIFICATION);
		List<Upload> files = uploads == null ? List.of()
				: uploads.stream().filter(u -> u != null && u.data() != null && u.data().length > 0).toList();
		if (files.isEmpty()) {
			throw new InvalidInputException("files", "请上传整改后的照片或材料（JPEG、PNG 或 PDF）");
		}
		// one row per distinct content: the same photo chosen twice is kept once
		Map<String, Checked> distinct = new LinkedHashMap<>();
		for (Upload upload : files) {
			Checked checked = check(upload);
			distinct.putIfAbsent(checked.sha256(), checked);
		}
		Hazard hazard = rectification.submitEvidence(hazardId, note, version);
		Timestamp at = Timestamp.from(clock.instant());
		for (Checked file : distinct.values()) {
			jdbc.sql("""
					insert into hazard_evidence (hazard_id, district_code, street_code, uscc, file_name, content_type,
					    size_bytes, sha256, data, uploaded_by, uploaded_at)
					values (:hazard, :district, :street, :uscc, :name, :type, :size, :sha, :data, :by, :at)
					on conflict (hazard_id, sha256) do nothing""")
				.param("hazard", hazard.id()).param("district", hazard.districtCode()).param("street", hazard.streetCode())
				.param("uscc", hazard.uscc()).param("name", file.name()).param("type", file.type())
				.param("size", file.data().length).param("sha", file.sha256()).param("data", file.data()).param("by", by)
				.param("at", at)
				.update();
		}
		return hazard;
	}

	/** The files of a hazard, oldest first, as far as the caller reaches it. */
	public List<EvidenceFile> files(long hazardId) {
		rectification.hazard(hazardId);
		return jdbc.sql("""
				select id, hazard_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
				from hazard_evidence where hazard_id = :hazard order by uploaded_at, id""")
			.param("hazard", hazardId)
			.query((rs, n) -> new EvidenceFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
					rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	/** One file of a hazard with its bytes. */
	public EvidenceData file(long hazardId, long fileId) {
		return jdbc.sql("""
				select id, hazard_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, data
				from hazard_evidence where id = :id and hazard_id = :hazard""")
			.param("id", fileId).param("hazard", hazardId)
			.query((rs, n) -> new EvidenceData(new EvidenceFile(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()),
					rs.getBytes(9)))
			.optional()
			.orElseThrow(() -> new NotFoundException("整改材料 " + fileId + " 不存在或不在您的管辖范围内"));
	}

	private record Checked(String name, String type, String sha256, byte[] data) {
	}

	private static Checked check(Upload upload) {
		byte[] data = upload.data();
		String shown = upload.fileName() == null ? "" : "“" + UploadedFiles.baseName(upload.fileName()) + "”";
		if (data.length > MAX_BYTES) {
			throw new InvalidInputException("files", "文件" + shown + "超过 10 MB，请压缩后再上传");
		}
		// the type is read from the file itself, not from its name or what the browser claims, so that only real
		// images and PDF are stored and served back to officers
		String type = UploadedFiles.contentType(data);
		if (type == null) {
			throw new InvalidInputException("files", "文件" + shown + "不是 JPEG、PNG 照片或 PDF 文件，请转换格式后再上传");
		}
		return new Checked(UploadedFiles.fileName(upload.fileName(), type, "整改材料"), type, Sha256.hex(data), data);
	}
}
