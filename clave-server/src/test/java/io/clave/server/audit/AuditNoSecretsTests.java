package io.clave.server.audit;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.clave.server.corporate.ProfileSet;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.TestCompanies;
import io.clave.server.support.TestCompanies.Affiliated;
import io.clave.server.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No secret reaches the audit trail: after an affiliation (temporary password by SMS), a login with the definitive
 * password, a wrong clave temporal and the right one (read from the SMS), none of them is in any record written
 * meanwhile, whether in the details, the subject or the client.
 */
class AuditNoSecretsTests extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestCompanies companies;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theKeysAndPasswordsOfALoginAreInNoRecord() {
		long before = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_events").query(Long.class).single();
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		String username = this.companies.withDefinitiveCredentials(company.administratorId());
		WebSession browser = new WebSession(this.mvc);
		String mobile = company.mobile().e164();
		int smsBefore = SMS.receivedBy(mobile).size();
		assertThat(browser.post("/empresas/ingreso", "username", username, "password", TestCompanies.PASSWORD))
			.hasRedirectedUrl("/empresas/ingreso/clave-temporal");
		String key = await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.codeAfter(mobile, smsBefore, 6).orElse(null), code -> code != null);
		String wrongKey = key.charAt(0) == '9' ? "1" + key.substring(1) : (char) (key.charAt(0) + 1) + key.substring(1);
		assertThat(browser.post("/empresas/ingreso/clave-temporal", "key", wrongKey)).bodyText()
			.contains("La clave temporal no es correcta");
		assertThat(browser.post("/empresas/ingreso/clave-temporal", "key", key)).hasRedirectedUrl("/empresas/portal");

		List<String> records = this.jdbc.sql("""
				SELECT type || ' ' || subject || ' ' || ip_address || ' ' || user_agent || ' ' || details::text
				FROM audit_events WHERE id > ? ORDER BY id""").param(before).query(String.class).list();
		assertThat(records).anyMatch(record -> record.contains("company-user:" + company.administratorId()))
			.hasSizeGreaterThanOrEqualTo(4);
		Pattern keys = Pattern.compile("\\b(" + key + "|" + wrongKey + ")\\b");
		assertThat(records).allSatisfy(record -> {
			assertThat(record).doesNotContain(company.temporaryPassword(), TestCompanies.PASSWORD);
			assertThat(keys.matcher(record).find()).as(record).isFalse();
		});
	}

}
