package io.clave.server.backoffice;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.audit.Outcome;
import io.clave.server.audit.RecordedAuditEvent;
import io.clave.server.shared.ClientContext;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** "Auditoría" as an auditor uses it: search, pages, CSV, the chain's check; and who may not. */
class AuditPagesTests extends IntegrationTest {

	private static final ZoneId BANK = ZoneId.of("America/Guayaquil");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Operators operators;

	@Autowired
	AuditTrail audit;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	private UUID operatorId;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anAuditorFindsAPersonsEventsByTypeDateAndOutcome() {
		RequestPostProcessor auditor = signedIn(OperatorRole.AUDITOR);
		String subject = "user:" + UUID.randomUUID();
		ClientContext client = new ClientContext("203.0.113.21", "Firefox");
		this.clock.advance(Duration.ofDays(-3));
		LocalDate threeDaysAgo = LocalDate.ofInstant(this.clock.instant(), BANK);
		this.audit.record(AuditEvent.failure("LOGIN", subject, client, "wrong-password"));
		this.clock.reset();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), BANK);
		this.audit.record(AuditEvent.success("LOGIN", subject, client).with("method", "password"));
		this.audit.record(AuditEvent.success("TEST_PROFILE_CHANGED", subject, client).with("note", "<b>x</b>"));

		String page = body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("persona", subject));
		assertThat(page).contains("Auditoría", "TEST_PROFILE_CHANGED", "note=&lt;b&gt;x&lt;/b&gt;", "method=password",
				"reason=wrong-password", "203.0.113.21", "Fallo", "Éxito", "America/Guayaquil")
			.doesNotContain("<b>x</b>");
		assertThat(rows(page)).isEqualTo(3);
		// newest first
		assertThat(page.indexOf("TEST_PROFILE_CHANGED")).isLessThan(page.indexOf("reason=wrong-password"));

		assertThat(rows(body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("persona", subject)
			.param("tipo", "LOGIN")))).isEqualTo(2);
		assertThat(rows(body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("persona", subject)
			.param("resultado", "FAILURE")))).isEqualTo(1);
		String past = body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("persona", subject)
			.param("desde", threeDaysAgo.toString()).param("hasta", threeDaysAgo.toString()));
		assertThat(rows(past)).isEqualTo(1);
		assertThat(past).contains("reason=wrong-password");
		assertThat(rows(body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("persona", subject)
			.param("desde", today.toString())))).isEqualTo(2);
		// part of the subject, in capitals
		assertThat(rows(body(this.mvc.get().uri("/backoffice/auditoria").with(auditor)
			.param("persona", subject.substring(5).toUpperCase())))).isEqualTo(3);
		// the type list holds the types recorded
		assertThat(page).contains("<option value=\"TEST_PROFILE_CHANGED\"");

		// every search is recorded, with what was asked and never what was found
		List<RecordedAuditEvent> searches = this.audit.forSubject("operator:" + this.operatorId, 20)
			.stream()
			.filter(event -> event.type().equals("BACKOFFICE_AUDIT_SEARCH"))
			.toList();
		assertThat(searches).hasSize(6).allSatisfy(event -> assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS));
		assertThat(searches.get(searches.size() - 1).details()).containsEntry("person", subject)
			.containsEntry("page", "1")
			.doesNotContainValue("wrong-password");
	}

	@Test
	void resultsComeInPagesNewestFirst() {
		RequestPostProcessor auditor = signedIn(OperatorRole.AUDITOR);
		String subject = "company-user:" + UUID.randomUUID();
		for (int i = 1; i <= 5; i++) {
			this.audit.record(AuditEvent.success("TEST_PAGED", subject, ClientContext.SYSTEM).with("n", "n" + i));
		}
		String first = body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("persona", subject)
			.param("tamano", "2"));
		assertThat(rows(first)).isEqualTo(2);
		assertThat(first).contains("n=n5", "n=n4", "id=\"audit-next\"").doesNotContain("id=\"audit-previous\"");
		assertThat(first).contains("/backoffice/auditoria?persona=" + subject.replace(":", "%3A") + "&amp;tamano=2&amp;pagina=2");
		String third = body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("persona", subject)
			.param("tamano", "2").param("pagina", "3"));
		assertThat(rows(third)).isEqualTo(1);
		assertThat(third).contains("n=n1", "id=\"audit-previous\"").doesNotContain("id=\"audit-next\"");
		assertThat(body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("persona", subject)
			.param("pagina", "9"))).contains("Ningún evento cumple la búsqueda.");
	}

	@Test
	void badInputIsAClearMessageNeverAnError() {
		RequestPostProcessor auditor = signedIn(OperatorRole.AUDITOR);
		assertThat(body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("desde", "2026-13-45")))
			.contains("Escribe la fecha como aaaa-mm-dd").doesNotContain("id=\"audit-events\"");
		assertThat(body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("desde", "2026-11-20")
			.param("hasta", "2026-11-10"))).contains("no puede ser anterior");
		assertThat(body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("pagina", "abc")))
			.contains("La página debe ser un número entre 1 y 10000.");
		assertThat(body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("pagina", "0")))
			.contains("La página debe ser un número entre 1 y 10000.");
		assertThat(body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("tamano", "1000")))
			.contains("El tamaño de página debe ser un número entre 1 y 100.");
		assertThat(body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("resultado", "MAYBE")))
			.contains("Elige Éxito, Fallo o Todos.");
		assertThat(body(this.mvc.get().uri("/backoffice/auditoria/exportar").with(auditor).param("hasta", "ayer")))
			.contains("Escribe la fecha como aaaa-mm-dd");
		assertThat(body(this.mvc.get().uri("/backoffice/auditoria").with(auditor).param("persona", "x".repeat(300))))
			.contains("Escribe como máximo 128 caracteres.");
		assertThat(body(this.mvc.get().uri("/backoffice/auditoria?lang=en").with(auditor).param("desde", "x")))
			.contains("Write the date as yyyy-mm-dd");
	}

	@Test
	void theExportIsACsvOfTheSameSearchEscapedAndWithoutFormulas() {
		RequestPostProcessor auditor = signedIn(OperatorRole.AUDITOR);
		String mark = UUID.randomUUID().toString();
		this.audit.record(AuditEvent.success("TEST_EXPORT", "=HYPERLINK(\"http://x\",\"y\")-" + mark,
				new ClientContext("203.0.113.9", "@SUM(A1)")).with("note", "a,b \"c\"\nd"));
		this.audit.record(AuditEvent.failure("TEST_EXPORT", "user:" + mark, new ClientContext("203.0.113.9", "+1"),
				"-2"));

		MvcTestResult csv = this.mvc.get().uri("/backoffice/auditoria/exportar").with(auditor).param("persona", mark)
			.exchange();
		assertThat(csv).hasStatusOk();
		assertThat(csv.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"auditoria-")
			.endsWith(".csv\"");
		String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFid,occurred_at,type,outcome,subject,ip_address,user_agent,details\r\n");
		String[] lines = text.substring(1).split("\r\n");
		assertThat(lines).hasSize(3);
		// newest first: the failure, its cells that start like a formula neutralised
		assertThat(lines[1]).matches("\\d+,\\d{4}-\\d\\d-\\d\\dT[^,]+-05:00,TEST_EXPORT,FAILURE,user:" + mark
				+ ",203\\.0\\.113\\.9,'\\+1,reason=-2");
		assertThat(text).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")-" + mark + "\",203.0.113.9,'@SUM(A1),"
				+ "\"note=a,b \"\"c\"\"\nd\"\r\n");

		// filters apply to the export as to the page
		String failures = new String(this.mvc.get().uri("/backoffice/auditoria/exportar").with(auditor).param("persona", mark)
			.param("resultado", "FAILURE").exchange().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(failures.split("\r\n")).hasSize(2);

		List<RecordedAuditEvent> exports = this.audit.forSubject("operator:" + this.operatorId, 10)
			.stream()
			.filter(event -> event.type().equals("BACKOFFICE_AUDIT_EXPORT"))
			.toList();
		assertThat(exports).hasSize(2).allSatisfy(event -> {
			assertThat(event.details()).containsEntry("person", mark).doesNotContainKey("note");
		});
	}

	@Test
	void anAuditorVerifiesTheChainFromTheConsole() {
		RequestPostProcessor auditor = signedIn(OperatorRole.AUDITOR);
		assertThat(body(this.mvc.get().uri("/backoffice/auditoria").with(auditor))).contains("id=\"menu-audit\"",
				"href=\"/backoffice/auditoria\"", "Verificar cadena", "Exportar CSV");
		assertThat(body(this.mvc.post().uri("/backoffice/auditoria/verificar").with(auditor).with(csrf())))
			.containsPattern("Cadena íntegra: se verificaron [\\d.]+ registros\\.");

		// a record altered in the database (only the table's owner can, disabling the trigger), then put back
		String subject = "user:" + UUID.randomUUID();
		this.audit.record(AuditEvent.success("TEST_VERIFIED", subject, ClientContext.SYSTEM).with("step", "1"));
		long id = this.audit.forSubject(subject, 1).get(0).id();
		tamper("UPDATE audit_events SET details = '{\"step\": \"2\"}' WHERE id = " + id);
		try {
			assertThat(body(this.mvc.post().uri("/backoffice/auditoria/verificar").with(auditor).with(csrf())))
				.contains("Cadena rota en el registro " + id + ": su contenido se modificó después de escribirlo");
		}
		finally {
			tamper("UPDATE audit_events SET details = '{\"step\": \"1\"}' WHERE id = " + id);
		}
		assertThat(body(this.mvc.post().uri("/backoffice/auditoria/verificar?lang=en").with(auditor).with(csrf())))
			.containsPattern("Chain whole: [\\d,]+ records verified\\.");
		List<RecordedAuditEvent> checks = this.audit.forSubject("operator:" + this.operatorId, 10)
			.stream()
			.filter(event -> event.type().equals("BACKOFFICE_AUDIT_VERIFY"))
			.toList();
		assertThat(checks).extracting(RecordedAuditEvent::outcome)
			.containsExactly(Outcome.SUCCESS, Outcome.FAILURE, Outcome.SUCCESS);
		assertThat(checks.get(1).details()).containsEntry("brokenAt", Long.toString(id)).containsEntry("reason", "CHANGED");
		assertThat(this.audit.forSubject("operator:" + this.operatorId, 10))
			.anySatisfy(event -> assertThat(event.type()).isEqualTo("BACKOFFICE_AUDIT_VERIFY"));
	}

	@Test
	void onlyAuditorsReachTheAuditTrail() {
		RequestPostProcessor operator = signedIn(OperatorRole.OPERATOR);
		assertThat(this.mvc.get().uri("/backoffice/auditoria").with(operator)).hasStatus(403);
		assertThat(this.mvc.get().uri("/backoffice/auditoria/exportar").with(operator)).hasStatus(403);
		assertThat(this.mvc.post().uri("/backoffice/auditoria/verificar").with(operator).with(csrf())).hasStatus(403);
		assertThat(this.mvc.get().uri("/backoffice/auditoria")).hasStatus3xxRedirection();
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	private static String body(MockMvcTester.MockMvcRequestBuilder request) {
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private void tamper(String update) {
		this.jdbc.sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update").update();
		try {
			this.jdbc.sql(update).update();
		}
		finally {
			this.jdbc.sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update").update();
		}
	}

	private static int rows(String page) {
		return page.split("<tr id=\"event-", -1).length - 1;
	}

	private RequestPostProcessor signedIn(OperatorRole role) {
		OperatorCreation created = this.operators.create("aud." + UUID.randomUUID().toString().substring(0, 8),
				"Lucía Auditora", EnumSet.of(role), ClientContext.SYSTEM);
		OperatorEnrolment enrolment = ((OperatorCreation.Created) created).enrolment();
		this.operatorId = enrolment.operatorId();
		SignedInOperator operator = new SignedInOperator(enrolment.operatorId(), enrolment.username(),
				Set.of(role.name()), Instant.now());
		return authentication(UsernamePasswordAuthenticationToken.authenticated(operator, null,
				operator.authorities().stream().map(SimpleGrantedAuthority::new).toList()));
	}

}
