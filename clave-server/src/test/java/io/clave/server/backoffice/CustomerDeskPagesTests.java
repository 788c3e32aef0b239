package io.clave.server.backoffice;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.clave.server.corebanking.Customers;
import io.clave.server.identity.Lockouts;
import io.clave.server.identity.Users;
import io.clave.server.shared.ClientContext;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.TestPeople;
import io.clave.server.support.TestUsers;
import io.clave.server.support.TestUsers.Enrolled;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The desk: an operator finds a locked customer and unlocks them; a change of the registered mobile takes an
 * operator who asks and a supervisor who approves, and the customer hears of it on the old and the new number.
 */
class CustomerDeskPagesTests extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Operators operators;

	@Autowired
	TestUsers users;

	@Autowired
	Users registry;

	@Autowired
	Lockouts lockouts;

	@Autowired
	Customers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.clave.server.support.TestTokens tokens;

	@Test
	void anOperatorFindsALockedCustomerAndUnlocksThem() {
		Enrolled maria = this.users.enrolled();
		this.lockouts.lock(maria.userId(), "wrong-password");
		RequestPostProcessor ana = operator(OperatorRole.OPERATOR);

		assertThat(this.mvc.get().uri("/backoffice/clientes?q=" + maria.person().cedula().value()).with(ana))
			.bodyText()
			.contains("Resultados: 1", "Rosa Elvira Quishpe Tandazo", maria.username());
		assertThat(this.mvc.get().uri("/backoffice/clientes/" + maria.userId()).with(ana)).bodyText()
			.contains("Bloqueado hasta que se desbloquee", "(wrong-password)", "Desbloquear");

		assertThat(this.mvc.post().uri("/backoffice/clientes/" + maria.userId() + "/desbloqueo").with(ana).with(csrf()))
			.hasRedirectedUrl("/backoffice/clientes/" + maria.userId());

		assertThat(this.registry.findById(maria.userId()).orElseThrow().lockedAt(Instant.now())).isFalse();
		assertThat(this.jdbc.sql("SELECT details->>'by' FROM audit_events WHERE type = 'BACKOFFICE_UNLOCK' AND subject = ?")
			.param(maria.subject())
			.query(String.class)
			.single()).startsWith("operator:");
		// what was searched (a cédula) is not in the trail
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_events WHERE details::text LIKE ?")
			.param("%" + maria.person().cedula().value() + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aMobileChangeNeedsAnOperatorWhoAsksAndAnotherSupervisorWhoApproves() {
		Enrolled maria = this.users.enrolled();
		String oldMobile = maria.person().mobile().e164();
		String newMobile = TestPeople.newMobile().value();
		OperatorEnrolment both = create(OperatorRole.OPERATOR, OperatorRole.SUPERVISOR);
		RequestPostProcessor asker = signedIn(both);
		RequestPostProcessor supervisor = operator(OperatorRole.SUPERVISOR);

		// without the identity check, nothing is asked
		assertThat(this.mvc.post()
			.uri("/backoffice/clientes/" + maria.userId() + "/solicitudes")
			.with(asker)
			.with(csrf())
			.param("kind", "CHANGE_MOBILE")
			.param("value", newMobile)
			.exchange()).bodyText().contains("Verifica la identidad del cliente");
		assertThat(this.mvc.post()
			.uri("/backoffice/clientes/" + maria.userId() + "/solicitudes")
			.with(asker)
			.with(csrf())
			.param("kind", "CHANGE_MOBILE")
			.param("value", newMobile)
			.param("identityChecked", "on")
			.exchange()).hasRedirectedUrl("/backoffice/clientes/" + maria.userId());
		UUID request = this.jdbc.sql("SELECT id FROM backoffice_requests WHERE user_id = ? AND state = 'PENDING'")
			.param(maria.userId())
			.query(UUID.class)
			.single();

		// the one who asked cannot approve, even as a supervisor
		this.mvc.post().uri("/backoffice/solicitudes/" + request + "/aprobar").with(asker).with(csrf()).exchange();
		assertThat(this.customers.findById(maria.person().customerId()).orElseThrow().mobilePhone())
			.isEqualTo(maria.person().mobile());
		assertThat(this.mvc.get().uri("/backoffice/solicitudes").with(supervisor)).bodyText()
			.contains("Cambiar el celular registrado", newMobile);

		assertThat(this.mvc.post().uri("/backoffice/solicitudes/" + request + "/aprobar").with(supervisor).with(csrf()))
			.hasRedirectedUrl("/backoffice/solicitudes");

		assertThat(this.customers.findById(maria.person().customerId()).orElseThrow().mobilePhone().value())
			.isEqualTo(newMobile);
		String newE164 = "+593" + newMobile.substring(1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(oldMobile).stream().anyMatch(sms -> sms.text().contains("se cambió tu celular"))
					&& SMS.receivedBy(newE164).stream().anyMatch(sms -> sms.text().contains("se cambió tu celular")));
		assertThat(this.jdbc.sql("SELECT type FROM audit_events WHERE subject = ? AND type LIKE 'BACKOFFICE_CHANGE%' ORDER BY id")
			.param(maria.subject())
			.query(String.class)
			.list()).containsExactly("BACKOFFICE_CHANGE_REQUESTED", "BACKOFFICE_CHANGE_APPLIED");
	}

	@Test
	void aTokenResetApprovedByASupervisorRevokesTheTokenAndTellsTheCustomer() {
		Enrolled maria = this.users.enrolled();
		this.tokens.activate(maria);
		RequestPostProcessor ana = operator(OperatorRole.OPERATOR);
		this.mvc.post()
			.uri("/backoffice/clientes/" + maria.userId() + "/solicitudes")
			.with(ana)
			.with(csrf())
			.param("kind", "RESET_TOKEN")
			.param("identityChecked", "on")
			.exchange();
		UUID request = this.jdbc.sql("SELECT id FROM backoffice_requests WHERE user_id = ? AND state = 'PENDING'")
			.param(maria.userId())
			.query(UUID.class)
			.single();

		this.mvc.post()
			.uri("/backoffice/solicitudes/" + request + "/aprobar")
			.with(operator(OperatorRole.SUPERVISOR))
			.with(csrf())
			.exchange();

		assertThat(this.registry.findById(maria.userId()).orElseThrow().secondFactor())
			.isEqualTo(io.clave.server.identity.SecondFactor.SMS_ONE_TIME_KEY);
		assertThat(this.jdbc.sql("SELECT count(*) FROM soft_tokens WHERE user_id = ? AND state IN ('ACTIVE', 'LOCKED')")
			.param(maria.userId())
			.query(Long.class)
			.single()).isZero();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SMS.receivedBy(maria.person().mobile().e164())
				.stream()
				.anyMatch(sms -> sms.text().contains("se reinició tu Token digital")));
	}

	@Test
	void companyUsersAreFoundByRucDocumentOrName() {
		RequestPostProcessor ana = operator(OperatorRole.OPERATOR);

		assertThat(this.mvc.get().uri("/backoffice/clientes?q=1792060346001").with(ana)).bodyText()
			.contains("Usuarios de empresas: 2", "Importadora Andina S.A.", "andina.admin", "andina.compras");
		assertThat(this.mvc.get().uri("/backoffice/clientes?q=Montalvo").with(ana)).bodyText()
			.contains("Restaurante La Ronda", "ronda.admin");
	}

	@Test
	void eachPageIsForItsRoles() {
		assertThat(this.mvc.get().uri("/backoffice/clientes").with(operator(OperatorRole.AUDITOR))).hasStatus(403);
		assertThat(this.mvc.get().uri("/backoffice/solicitudes").with(operator(OperatorRole.OPERATOR)))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/backoffice/clientes?q=ab").with(operator(OperatorRole.SUPERVISOR)))
			.bodyText()
			.contains("Escribe al menos 3 caracteres.");
	}

	private RequestPostProcessor operator(OperatorRole... roles) {
		return signedIn(create(roles));
	}

	private OperatorEnrolment create(OperatorRole... roles) {
		OperatorCreation created = this.operators.create("ops." + UUID.randomUUID().toString().substring(0, 8),
				"Ana Operadora", EnumSet.copyOf(List.of(roles)), ClientContext.SYSTEM);
		return ((OperatorCreation.Created) created).enrolment();
	}

	private static RequestPostProcessor signedIn(OperatorEnrolment enrolment) {
		SignedInOperator operator = new SignedInOperator(enrolment.operatorId(), enrolment.username(),
				Set.copyOf(enrolment.roles().stream().map(Enum::name).toList()), Instant.now());
		return authentication(UsernamePasswordAuthenticationToken.authenticated(operator, null,
				operator.authorities().stream().map(SimpleGrantedAuthority::new).toList()));
	}

}
