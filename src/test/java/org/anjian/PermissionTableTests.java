package org.anjian;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.identity.EnterpriseUsers;
import org.anjian.shared.Act;
import org.anjian.shared.ActRefusedException;
import org.anjian.shared.Authorized;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 21, item 5: a table of acts × roles ({@link Act}) kept in one place, shown in {@code docs/permissions.md},
 * enforced in the services and tested by enumerating every act for every role. Finding 8: "legal reviewers and
 * leaders can register, deregister and change the supervision level of enterprises".
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionTableTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	private static final Path DOCUMENT = Path.of("docs/permissions.md");

	@Autowired
	ApplicationContext context;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	EnterpriseUsers enterpriseUsers;

	@Autowired
	UserDetailsService users;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	/** One account per role, each holding that role only: the demo's, and an enterprise's user made here. */
	private final Map<Role, String> accounts = new EnumMap<>(Role.class);

	@BeforeAll
	void oneAccountPerRole() {
		long n = SEQUENCE.incrementAndGet();
		Enterprise own = Acting.asSystem(
				() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102", "职权表企业" + n)));
		String enterpriseUser = "acts" + n;
		Acting.asSystem(() -> enterpriseUsers.open(enterpriseUser, "职权表安全员", own.uscc(), "acts-pass-" + n));
		accounts.putAll(Map.of(Role.CITY_OFFICER, "city", Role.DISTRICT_OFFICER, "putuo", Role.STREET_OFFICER,
				"changzheng", Role.LEADER, "leader", Role.LEGAL_REVIEWER, "legal", Role.ADMIN, "admin", Role.ENTERPRISE,
				enterpriseUser));
		for (Map.Entry<Role, String> account : accounts.entrySet()) {
			Set<String> authorities = Acting.as(account.getValue(),
					() -> org.springframework.security.core.context.SecurityContextHolder.getContext()
						.getAuthentication()
						.getAuthorities()
						.stream()
						.map(a -> a.getAuthority())
						.collect(Collectors.toSet()));
			assertThat(authorities).as(account.getValue()).containsExactly(account.getKey().authority());
		}
	}

	/**
	 * Every method of the application that performs an act, called as every role through the application's own
	 * proxies: a role the table does not give the act is refused before the method starts, a role it gives the act is
	 * not (the call then goes on and fails or succeeds on its arguments, inside a transaction that is rolled back).
	 */
	@Test
	void everyActIsRefusedToEveryRoleTheTableDoesNotGiveItAndOnlyToThose() {
		Map<Act, List<Performer>> performers = performers();
		assertThat(performers.keySet()).as("every act of the table is performed by some method")
			.containsExactlyInAnyOrder(Act.values());
		List<String> wrong = new ArrayList<>();
		int calls = 0;
		for (Map.Entry<Act, List<Performer>> entry : performers.entrySet()) {
			Act act = entry.getKey();
			for (Performer performer : entry.getValue()) {
				for (Role role : Role.values()) {
					Throwable outcome = Acting.as(accounts.get(role), () -> callRolledBack(performer));
					calls++;
					boolean refused = outcome instanceof ActRefusedException;
					if (refused == act.roles().contains(role)) {
						wrong.add(act + " by " + role + " at " + performer + ": "
								+ (refused ? "refused" : "not refused (" + outcome + ")"));
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(calls).isGreaterThanOrEqualTo(Act.values().length * Role.values().length);
	}

	/** With no one logged in, only the system acts (seeding, jobs, commands); an anonymous caller is refused. */
	@Test
	void anActWithNoOneLoggedInIsTheSystemsOrNobodys() {
		long n = SEQUENCE.incrementAndGet();
		assertThatThrownBy(
				() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102", "无人登记" + n)))
			.isInstanceOf(ActRefusedException.class);
		assertThat(Acting.asSystem(
				() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102", "系统登记" + n)).name()))
			.isEqualTo("系统登记" + n);
	}

	/**
	 * Finding 8: "legal reviewers and leaders can register, deregister and change the supervision level of
	 * enterprises." Called on the service itself (not through a page that might have hidden the button), each is
	 * refused and nothing changes.
	 */
	@Test
	void legalReviewersAndLeadersCannotRegisterDeregisterOrChangeTheSupervisionLevel() {
		long n = SEQUENCE.incrementAndGet();
		Enterprise enterprise = Acting.asSystem(
				() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102", "审核不登记" + n)));
		for (String account : List.of("legal", "leader")) {
			assertThatThrownBy(() -> Acting.as(account,
					() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102", account + "登记" + n))))
				.as(account)
				.isInstanceOf(ActRefusedException.class);
			assertThatThrownBy(() -> Acting.as(account, () -> registry.deregister(enterprise.uscc())))
				.isInstanceOf(ActRefusedException.class);
			assertThatThrownBy(() -> Acting.as(account, () -> registry.overrideSupervision(enterprise.uscc(),
					JurisdictionLevel.CITY, "越权调整", null)))
				.isInstanceOf(ActRefusedException.class);
		}
		Enterprise after = Acting.asSystem(() -> registry.file(enterprise.uscc()));
		assertThat(after.operatingStatus()).isEqualTo(enterprise.operatingStatus());
		assertThat(after.supervisionLevel()).isEqualTo(enterprise.supervisionLevel());
		assertThat(after.version()).isEqualTo(enterprise.version());
		assertThat(Acting.asSystem(() -> jdbc.sql("select count(*) from enterprise where name in (:names)")
			.param("names", List.of("legal登记" + n, "leader登记" + n))
			.query(Long.class)
			.single())).isZero();
	}

	/** The API says which act was refused; a page also says which roles do it and which the account holds. */
	@Test
	void aRefusedActSaysWhichActAndWhoDoesIt() throws Exception {
		long n = SEQUENCE.incrementAndGet();
		String body = mvc
			.perform(post("/api/enterprises").with(user(users.loadUserByUsername("legal"))).with(csrf())
				.contentType("application/json")
				.content("{\"name\":\"审核员登记" + n + "\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("403");
		String page = mvc
			.perform(post("/enterprises/" + "9131010700000000XX" + "/deregistration")
				.with(user(users.loadUserByUsername("legal")))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("「注销企业」由市级执法人员、区级执法人员、街镇执法人员、系统管理员办理，您的账号是法制审核，不能办理。");
	}

	/** docs/permissions.md is the table as the code holds it; regenerate with -Danjian.docs.write=true. */
	@Test
	void theDocumentShowsTheTableAsTheCodeHoldsIt() throws IOException {
		String expected = document();
		if (Boolean.getBoolean("anjian.docs.write")) {
			Files.writeString(DOCUMENT, expected, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
			.as("docs/permissions.md differs from the Act table; run this test with -Danjian.docs.write=true")
			.isEqualTo(expected);
	}

	private String document() {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		StringBuilder out = new StringBuilder();
		out.append("# 职权表：谁可以办理什么（acts × roles）\n\n");
		out.append("""
				Written from `org.anjian.shared.Act` by `PermissionTableTests`, which fails when this file and the code
				differ (regenerate: `./mvnw -o test-compile surefire:test -Dtest=PermissionTableTests \
				-Danjian.docs.write=true`). Each act is enforced on the service method that performs it
				(`@Authorized`, checked before the method starts, whatever page, API or job reached it); the test calls
				every such method as every role. Where an act is done (which district, which enterprise) is row-level
				security's business; some acts add a rule of their own: 四眼原则 (whoever drafted or submitted a plan or
				an on-site inspection plan cannot approve it), 复查销号 by two officers, an enterprise's user acts on its
				own enterprise only. Public acts (rating an inspection by its 检查码) and machine acts (alarm intake by
				key) are not a role's. With no one logged in only the system acts (start-up, nightly jobs, commands).

				""");
		out.append("| 业务 | 职权 | `Act` |");
		for (Role role : Role.values()) {
			out.append(' ').append(messages.getMessage("role." + role.name(), null, zh)).append(" |");
		}
		out.append("\n|---|---|---|");
		out.append("---|".repeat(Role.values().length)).append('\n');
		for (Act act : Act.values()) {
			out.append("| ").append(act.area()).append(" | ").append(act.label()).append(" | `").append(act.name())
				.append("` |");
			for (Role role : Role.values()) {
				out.append(act.roles().contains(role) ? " ✓ |" : "  |");
			}
			out.append('\n');
		}
		Map<Act, List<Performer>> performers = performers();
		out.append("\n## Where each act is enforced\n\n");
		for (Act act : Act.values()) {
			out.append("- `").append(act.name()).append("`: ")
				.append(performers.getOrDefault(act, List.of())
					.stream()
					.map(p -> "`" + p + "`")
					.distinct()
					.sorted()
					.collect(Collectors.joining(", ")))
				.append('\n');
		}
		return out.toString();
	}

	/** A method of an application bean that performs an act, and the bean (its proxy) to call it on. */
	private record Performer(Object bean, Class<?> type, Method method) {

		@Override
		public String toString() {
			return type.getSimpleName() + "." + method.getName();
		}
	}

	private Map<Act, List<Performer>> performers() {
		Map<Act, List<Performer>> performers = new TreeMap<>();
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> declared = context.getType(name);
			if (declared == null || !declared.getName().startsWith("org.anjian.")) {
				continue;
			}
			Object bean = context.getBean(name);
			Class<?> type = AopUtils.getTargetClass(bean);
			for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
				Authorized authorized = AnnotatedElementUtils.findMergedAnnotation(method, Authorized.class);
				if (authorized != null) {
					performers.computeIfAbsent(authorized.value(), a -> new ArrayList<>())
						.add(new Performer(bean, type, method));
				}
			}
		}
		return performers;
	}

	/** Calls the method through the bean's proxy with empty arguments, rolling back whatever it wrote. */
	private Throwable callRolledBack(Performer performer) {
		Object[] arguments = new Object[performer.method().getParameterCount()];
		Class<?>[] types = performer.method().getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			arguments[i] = empty(types[i]);
		}
		ReflectionUtils.makeAccessible(performer.method());
		TransactionTemplate rolledBack = new TransactionTemplate(transactions);
		return rolledBack.execute(status -> {
			status.setRollbackOnly();
			try {
				performer.method().invoke(performer.bean(), arguments);
				return null;
			}
			catch (InvocationTargetException e) {
				return e.getTargetException();
			}
			catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	private static Object empty(Class<?> type) {
		if (!type.isPrimitive()) {
			return null;
		}
		Map<Class<?>, Object> zeros = new LinkedHashMap<>();
		zeros.put(boolean.class, false);
		zeros.put(int.class, 0);
		zeros.put(long.class, 0L);
		zeros.put(double.class, 0d);
		zeros.put(float.class, 0f);
		zeros.put(short.class, (short) 0);
		zeros.put(byte.class, (byte) 0);
		zeros.put(char.class, '\0');
		return zeros.get(type);
	}
}
