package org.anjian.identity;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A script talks to the running server as a browser does: it reads the {@code XSRF-TOKEN} cookie, logs in with
 * the form, and echoes the token in {@code X-XSRF-TOKEN} on every change. Without the header a change is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CsrfProtocolTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

	@Test
	void scriptLogsInAndWritesWithTheCookieTokenEchoedInTheHeader() throws Exception {
		assertThat(send(HttpRequest.newBuilder(uri("/login")).GET()).statusCode()).isEqualTo(200);
		assertThat(token()).as("XSRF-TOKEN cookie set by the login page").isNotBlank();

		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", token())
			.POST(HttpRequest.BodyPublishers.ofString("username=changzheng&password=anjian2026")));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'changzheng'").query(Long.class).single())
			.as("the login session is kept in PostgreSQL, for every instance to see").isPositive();

		String expert = "{\"name\":\"陆工\",\"field\":\"有限空间作业\",\"organisation\":\"长征镇安全服务站\",\"qualification\":\"注册安全工程师\"}";
		HttpResponse<String> withoutToken = send(json("/api/experts", expert));
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withoutToken.body()).contains("CSRF");

		HttpResponse<String> me = send(HttpRequest.newBuilder(uri("/api/me")).GET());
		String bodyId = me.body().replaceAll(".*\"bodyId\":(\\d+).*", "$1");
		HttpResponse<String> withToken = send(json("/api/experts", expert.replace("}", ",\"bodyId\":" + bodyId + "}"))
			.header("X-XSRF-TOKEN", token()));
		assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
		assertThat(withToken.body()).contains("陆工").contains("310107102");
	}

	private HttpRequest.Builder json(String path, String body) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String token() {
		return cookies.getCookieStore().getCookies().stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
