package io.clave.server.corporate;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.clave.server.support.TestCompanies.Affiliated;
import io.clave.server.support.TestPeople;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API of the administrator's management of users: the same rules as the pages, and above all that a request
 * carrying another company's ids is refused exactly like an unknown id and changes nothing.
 */
class UserAdministrationApiTests extends UserAdministrationSupport {

	private static final String USERS = "/api/v1/corporate/me/users";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Test
	void anAdministratorAddsEditsAndDeletesAUser() {
		Affiliated company = this.companies.affiliate(ProfileSet.BOTH);
		RequestPostProcessor admin = as(adminOf(company));
		String email = TestPeople.newEmail().value();
		String document = TestPeople.newCedula().value();
		int before = smsCount(company.mobile());

		MvcTestResult filed = post(admin, USERS, """
				{"documentType":"CEDULA","documentNumber":"%s","firstNames":"Lucía","lastNames":"Paredes",
				 "email":"%s","mobile":"%s","corporate":true,"merchant":false}"""
			.formatted(document, email, TestPeople.newMobile().value()));
		assertThat(filed).as(text(filed)).hasStatus(HttpStatus.ACCEPTED);
		String changeId = json(filed).get("changeId").asString();
		assertThat(json(filed).get("keySent").asBoolean()).isTrue();
		String key = keyAfter(company.mobile(), before);

		MvcTestResult wrong = post(admin, USERS + "/changes/" + changeId + "/confirmation",
				"{\"key\":\"" + ("000000".equals(key) ? "111111" : "000000") + "\"}");
		assertThat(wrong).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json(wrong).get("code").asString()).isEqualTo("corporate.users.key.wrong");
		assertThat(json(wrong).get("attemptsLeft").asInt()).isPositive();
		MvcTestResult created = post(admin, USERS + "/changes/" + changeId + "/confirmation",
				"{\"key\":\"" + key + "\"}");
		assertThat(created).as(text(created)).hasStatus(HttpStatus.CREATED);
		String id = json(created).get("id").asString();
		assertThat(json(created).get("state").asString()).isEqualTo("TEMPORARY");
		awaitMail(new io.clave.server.shared.EmailAddress(email), "Usuario temporal");

		MvcTestResult one = this.mvc.get().uri(USERS + "/" + id).with(admin).exchange();
		assertThat(one).hasStatusOk();
		assertThat(json(one).get("documentNumber").asString()).isEqualTo(document);

		MvcTestResult renamed = put(admin, USERS + "/" + id, """
				{"firstNames":"Lucía Inés","lastNames":"Paredes","email":"%s","mobile":"%s","corporate":true,
				 "merchant":true,"role":"USER"}""".formatted(email, json(one).get("mobile").asString()));
		assertThat(renamed).as(text(renamed)).hasStatusOk();
		assertThat(json(renamed).get("firstNames").asString()).isEqualTo("Lucía Inés");
		assertThat(json(renamed).get("profiles").asString()).isEqualTo("BOTH");

		String rows = rowsOf(company.companyId());
		MvcTestResult document2 = put(admin, USERS + "/" + id, """
				{"documentType":"CEDULA","documentNumber":"%s","firstNames":"Otra","lastNames":"Paredes","email":"%s",
				 "mobile":"%s","corporate":true,"merchant":true}"""
			.formatted(TestPeople.newCedula().value(), email, json(one).get("mobile").asString()));
		assertThat(document2).hasStatus(HttpStatus.CONFLICT);
		assertThat(json(document2).get("code").asString()).isEqualTo("corporate.users.document.locked");
		assertThat(rowsOf(company.companyId())).as("nothing changed").isEqualTo(rows);

		MvcTestResult newEmail = put(admin, USERS + "/" + id, """
				{"firstNames":"Lucía Inés","lastNames":"Paredes","email":"%s","mobile":"%s","corporate":true,
				 "merchant":true}""".formatted(TestPeople.newEmail().value(), json(one).get("mobile").asString()));
		assertThat(newEmail).as("a new e-mail waits for the key").hasStatus(HttpStatus.ACCEPTED);
		assertThat(json(newEmail).get("changedFields").toString()).contains("email");

		assertThat(this.mvc.delete().uri(USERS + "/" + company.administratorId()).with(admin).exchange())
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(this.mvc.delete().uri(USERS + "/" + id).with(admin).exchange()).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.get().uri(USERS + "/" + id).with(admin).exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post(admin, USERS + "/changes/" + json(newEmail).get("changeId").asString() + "/confirmation",
				"{\"key\":\"123456\"}")).as("a change to a deleted user cannot be confirmed")
			.hasStatus(HttpStatus.GONE);
	}

	@Test
	void anotherCompanysUsersAndChangesAreUnknownAndNothingChanges() {
		Affiliated mine = this.companies.affiliate(ProfileSet.CORPORATE);
		Affiliated theirs = this.companies.affiliate(ProfileSet.CORPORATE);
		RequestPostProcessor me = as(adminOf(mine));
		CompanyUser their = addUser(theirs, newUserForm("Ajena", true, false));
		int before = smsCount(theirs.mobile());
		AdministrationOutcome theirChange = this.administration.add(adminOf(theirs), newUserForm("Pendiente", true,
				false), CLIENT, SPANISH);
		String theirKey = keyAfter(theirs.mobile(), before);
		String rows = rowsOf(theirs.companyId());
		String body = """
				{"firstNames":"Intruso","lastNames":"Paredes","email":"%s","mobile":"%s","corporate":true,
				 "merchant":false,"role":"ADMIN"}""".formatted(TestPeople.newEmail().value(),
				TestPeople.newMobile().value());

		MvcTestResult list = this.mvc.get().uri(USERS).with(me).exchange();
		MvcTestResult searched = this.mvc.get().uri(USERS + "?search=Ajena").with(me).exchange();
		MvcTestResult read = this.mvc.get().uri(USERS + "/" + their.id()).with(me).exchange();
		MvcTestResult readAdmin = this.mvc.get().uri(USERS + "/" + theirs.administratorId()).with(me).exchange();
		MvcTestResult unknown = this.mvc.get().uri(USERS + "/" + UUID.randomUUID()).with(me).exchange();
		MvcTestResult edit = put(me, USERS + "/" + their.id(), body);
		MvcTestResult delete = this.mvc.delete().uri(USERS + "/" + their.id()).with(me).exchange();
		MvcTestResult deleteAdmin = this.mvc.delete().uri(USERS + "/" + theirs.administratorId()).with(me).exchange();
		MvcTestResult reissue = post(me, USERS + "/" + their.id() + "/temporary-credentials", "");
		MvcTestResult confirm = post(me, USERS + "/changes/" + theirChange.change().id() + "/confirmation",
				"{\"key\":\"" + theirKey + "\"}");
		MvcTestResult resend = post(me, USERS + "/changes/" + theirChange.change().id() + "/key", "");
		// a principal that names the other company with this administrator's id is no administrator there
		RequestPostProcessor forged = as(new SignedInCompanyUser(mine.administratorId(), theirs.companyId(),
				CompanyRole.ADMIN, null, this.clock.instant()));
		MvcTestResult forgedList = this.mvc.get().uri(USERS).with(forged).exchange();
		MvcTestResult forgedDelete = this.mvc.delete().uri(USERS + "/" + their.id()).with(forged).exchange();
		MvcTestResult forgedEdit = put(forged, USERS + "/" + their.id(), body);

		assertThat(text(list)).doesNotContain(their.id().toString()).doesNotContain(theirs.administratorId().toString());
		assertThat(json(searched).get("total").asLong()).isZero();
		for (MvcTestResult refused : new MvcTestResult[] { read, readAdmin, edit, delete, deleteAdmin, reissue }) {
			assertThat(refused).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(text(refused)).as("exactly like an unknown id").isEqualTo(text(unknown)
				.replace(unknown.getRequest().getRequestURI(), refused.getRequest().getRequestURI()));
		}
		assertThat(confirm).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(resend).hasStatus(HttpStatus.GONE);
		assertThat(json(forgedList).get("total").asLong()).isZero();
		assertThat(forgedDelete).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(forgedEdit).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(rowsOf(theirs.companyId())).as("nothing of the other company changed").isEqualTo(rows);
		assertThat(this.administration.confirm(adminOf(theirs), theirChange.change().id(), theirKey, CLIENT, SPANISH)
			.kind()).as("their own change is still theirs to confirm").isEqualTo(AdministrationOutcome.Kind.DONE);
	}

	@Test
	void aUserWhoIsNotAnAdministratorIsForbidden() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		CompanyUser plain = fileUser(company.companyId(), CompanyRole.USER, "Común", "Usuario");
		RequestPostProcessor user = asPlainUser(signedIn(plain));
		String rows = rowsOf(company.companyId());

		assertThat(this.mvc.get().uri(USERS).with(user).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri(USERS + "/" + plain.id()).with(user).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.delete().uri(USERS + "/" + company.administratorId()).with(user).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post(user, USERS, "{}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri(USERS).exchange()).as("nobody signed in").hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(rowsOf(company.companyId())).isEqualTo(rows);
	}

	@Test
	void badInputIsAProblemNeverAnError() {
		Affiliated company = this.companies.affiliate(ProfileSet.CORPORATE);
		RequestPostProcessor admin = as(adminOf(company));
		String rows = rowsOf(company.companyId());

		assertThat(post(admin, USERS, "{not json")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post(admin, USERS, "{\"corporate\":\"quizás\"}")).hasStatus(HttpStatus.BAD_REQUEST);
		MvcTestResult empty = post(admin, USERS, "{}");
		assertThat(empty).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(empty).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json(empty).get("errors").size()).isGreaterThanOrEqualTo(5);
		assertThat(post(admin, USERS, "{\"documentType\":\"CEDULA\",\"documentNumber\":\"" + "9".repeat(5000)
				+ "\",\"firstNames\":\"\\u0000\"}")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(this.mvc.get().uri(USERS + "/no-es-un-id").with(admin).exchange()).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri(USERS + "?page=abc").with(admin).exchange()).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri(USERS + "?page=-3&search=" + "%25".repeat(300)).with(admin).exchange())
			.hasStatusOk();
		assertThat(post(admin, USERS + "/changes/" + UUID.randomUUID() + "/confirmation", "{}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(put(admin, USERS + "/" + UUID.randomUUID(), "{}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.put().uri(USERS + "/" + company.administratorId()).with(admin)
			.contentType(MediaType.TEXT_PLAIN).content("hola").exchange()).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(rowsOf(company.companyId())).isEqualTo(rows);
	}

	@Test
	void theApiIsDocumented() {
		MvcTestResult docs = this.mvc.get().uri("/v3/api-docs").exchange();

		assertThat(docs).hasStatusOk();
		assertThat(text(docs)).contains("Corporate users", "/api/v1/corporate/me/users/{id}",
				"/api/v1/corporate/me/users/changes/{changeId}/confirmation",
				"/api/v1/corporate/me/users/{id}/temporary-credentials");
	}

	private MvcTestResult post(RequestPostProcessor who, String uri, String body) {
		return this.mvc.post().uri(uri).with(who).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private MvcTestResult put(RequestPostProcessor who, String uri, String body) {
		return this.mvc.put().uri(uri).with(who).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private static JsonNode json(MvcTestResult result) {
		return JSON.readTree(text(result));
	}

	private static String text(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
