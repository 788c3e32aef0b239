package io.clave.server.corporate;

import java.util.List;
import java.util.Optional;

import io.clave.server.audit.AuditEvent;
import io.clave.server.audit.AuditTrail;
import io.clave.server.corebanking.CorporateAccounts;
import io.clave.server.corebanking.CorporateCard;
import io.clave.server.corebanking.MerchantSale;
import io.clave.server.corebanking.MerchantSettlement;
import io.clave.server.shared.ClientContext;

import org.springframework.stereotype.Service;

/**
 * What a signed-in company user sees: who they are, the profiles they may use, and the landing of the profile
 * chosen (Corporativo: the company's corporate cards; Establecimiento: the merchant's sales and settlements), read
 * from the core-banking registry by the company's RUC. Every answer is bounded by the session's company and checked
 * against the user's and the company's profiles as they are now, whatever the request says.
 */
@Service
public class CorporatePortal {

	/** How many recent sales and settlements the merchant's landing shows. */
	static final int RECENT_SALES = 20;

	static final int RECENT_SETTLEMENTS = 10;

	private final CompanyUsers users;

	private final Companies companies;

	private final CorporateAccounts core;

	private final AuditTrail audit;

	CorporatePortal(CompanyUsers users, Companies companies, CorporateAccounts core, AuditTrail audit) {
		this.users = users;
		this.companies = companies;
		this.core = core;
		this.audit = audit;
	}

	/**
	 * The signed-in user as stored now.
	 * @param profiles the profiles the user may use (the user's within the company's)
	 */
	public record Me(CompanyUser user, Company company, List<Profile> profiles) {

		public boolean canSwitch() {
			return this.profiles.size() > 1;
		}

	}

	/** Empty when the user was deleted, or the company is no longer active, since the login. */
	public Optional<Me> me(SignedInCompanyUser signedIn) {
		return this.users.findInCompany(signedIn.companyId(), signedIn.userId())
			.flatMap(user -> this.companies.findById(user.companyId())
				.filter(Company::active)
				.map(company -> new Me(user, company, CorporateLogins.profiles(user, company))));
	}

	/**
	 * The session's principal with the profile chosen; empty when the user may not use that profile (the server
	 * decides, whatever the page or app offered).
	 */
	public Optional<SignedInCompanyUser> choose(SignedInCompanyUser signedIn, Profile profile, ClientContext client) {
		Optional<Me> me = me(signedIn);
		String subject = CorporateLogins.subject(signedIn.userId());
		if (me.isEmpty() || !me.get().profiles().contains(profile)) {
			this.audit.record(AuditEvent.failure("CORPORATE_PROFILE", subject, client, "profile-not-allowed")
				.with("profile", profile.name()));
			return Optional.empty();
		}
		this.audit.record(AuditEvent.success("CORPORATE_PROFILE", subject, client).with("profile", profile.name()));
		return Optional.of(signedIn.withProfile(profile));
	}

	/** Whether the session's chosen profile is this one and the user may still use it. */
	public boolean using(SignedInCompanyUser signedIn, Profile profile) {
		return signedIn.profile() == profile && me(signedIn).map(me -> me.profiles().contains(profile)).orElse(false);
	}

	/** The company's corporate cards (Perfil Corporativo); empty when the session is not on that profile. */
	public Optional<List<CorporateCard>> cards(SignedInCompanyUser signedIn) {
		return ruc(signedIn, Profile.CORPORATE).map(this.core::cardsOf);
	}

	/** The merchant's recent sales (Perfil Establecimiento); empty when the session is not on that profile. */
	public Optional<List<MerchantSale>> sales(SignedInCompanyUser signedIn) {
		return ruc(signedIn, Profile.MERCHANT).map(ruc -> this.core.salesOf(ruc, RECENT_SALES));
	}

	/** The merchant's recent settlements (Perfil Establecimiento); empty when the session is not on that profile. */
	public Optional<List<MerchantSettlement>> settlements(SignedInCompanyUser signedIn) {
		return ruc(signedIn, Profile.MERCHANT).map(ruc -> this.core.settlementsOf(ruc, RECENT_SETTLEMENTS));
	}

	private Optional<String> ruc(SignedInCompanyUser signedIn, Profile profile) {
		if (signedIn.profile() != profile) {
			return Optional.empty();
		}
		return me(signedIn).filter(me -> me.profiles().contains(profile)).map(me -> me.company().ruc().value());
	}

}
