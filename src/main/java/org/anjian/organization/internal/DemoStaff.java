package org.anjian.organization.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.anjian.organization.Certification;
import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Expert;
import org.anjian.organization.Experts;
import org.anjian.organization.Officer;
import org.anjian.organization.Officers;
import org.anjian.shared.database.DemoMode;
import org.anjian.shared.database.SystemScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anjian.organization.Certification.HAZCHEM;
import static org.anjian.organization.Certification.INDUSTRY_TRADE;
import static org.anjian.organization.Certification.LEAD_INSPECTOR;

/** In demo mode, a few officers and experts in the city corps, 普陀, 浦东 and two streets; idempotent. */
@Component
@Order(10)
class DemoStaff implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

	record DemoOfficer(String jurisdiction, String name, String badge, Set<Certification> certifications) {
	}

	record DemoExpert(String jurisdiction, String name, String field, String organisation, String qualification) {
	}

	static final List<DemoOfficer> OFFICERS = List.of(
			new DemoOfficer("310000", "王建国", "31000000101", EnumSet.of(LEAD_INSPECTOR, HAZCHEM)),
			new DemoOfficer("310000", "李明", "31000000102", EnumSet.of(LEAD_INSPECTOR, INDUSTRY_TRADE)),
			new DemoOfficer("310000", "张伟", "31000000103", EnumSet.of(HAZCHEM)),
			new DemoOfficer("310000", "陈静", "31000000104", EnumSet.of(INDUSTRY_TRADE)),
			new DemoOfficer("310107", "刘洋", "31010700201", EnumSet.of(LEAD_INSPECTOR, INDUSTRY_TRADE)),
			new DemoOfficer("310107", "赵磊", "31010700202", EnumSet.of(LEAD_INSPECTOR)),
			new DemoOfficer("310107", "孙丽", "31010700203", EnumSet.of(HAZCHEM)),
			new DemoOfficer("310107", "周涛", "31010700204", EnumSet.noneOf(Certification.class)),
			new DemoOfficer("310115", "吴昊", "31011500301", EnumSet.of(LEAD_INSPECTOR, HAZCHEM)),
			new DemoOfficer("310115", "郑凯", "31011500302", EnumSet.of(LEAD_INSPECTOR)),
			new DemoOfficer("310115", "钱芳", "31011500303", EnumSet.of(INDUSTRY_TRADE)),
			new DemoOfficer("310115", "冯军", "31011500304", EnumSet.noneOf(Certification.class)),
			new DemoOfficer("310107102", "何晨", "31010710201", EnumSet.of(LEAD_INSPECTOR)),
			new DemoOfficer("310107102", "马骏", "31010710202", EnumSet.noneOf(Certification.class)),
			new DemoOfficer("310115005", "许倩", "31011500501", EnumSet.of(LEAD_INSPECTOR)),
			new DemoOfficer("310115005", "朱斌", "31011500502", EnumSet.noneOf(Certification.class)));

	static final List<DemoExpert> EXPERTS = List.of(
			new DemoExpert("310000", "杨振华", "粉尘防爆", "华东理工大学", "教授级高级工程师"),
			new DemoExpert("310107", "沈立新", "化工工艺安全", "上海化工研究院", "注册安全工程师"),
			new DemoExpert("310115", "韩志远", "机械与特种设备安全", "上海浦东安全技术服务中心", "高级工程师"));

	private final DemoMode demo;
	private final EnforcementBodies bodies;
	private final Officers officers;
	private final Experts experts;
	private final TransactionTemplate transactions;

	DemoStaff(DemoMode demo, EnforcementBodies bodies, Officers officers, Experts experts,
			TransactionTemplate transactions) {
		this.demo = demo;
		this.bodies = bodies;
		this.officers = officers;
		this.experts = experts;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled()) {
			return;
		}
		SystemScope.run("demo", () -> transactions.executeWithoutResult(status -> {
			int added = 0;
			for (DemoOfficer o : OFFICERS) {
				if (!officers.existsByBadgeNumber(o.badge())) {
					officers.save(Officer.appoint(o.name(), o.badge(), body(o.jurisdiction()), null, o.certifications()));
					added++;
				}
			}
			if (experts.count() == 0) {
				for (DemoExpert e : EXPERTS) {
					experts.save(Expert.register(e.name(), e.field(), e.organisation(), e.qualification(), null,
							body(e.jurisdiction())));
				}
			}
			if (added > 0) {
				log.info("Demo mode: {} demo officers appointed", added);
			}
		}));
	}

	private EnforcementBody body(String jurisdiction) {
		return bodies.findByJurisdictionCode(jurisdiction).orElseThrow();
	}
}
