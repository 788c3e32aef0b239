package io.clave.server.corporate;

import java.util.List;

/** Which profiles a company has, or a user may use: Corporativo, Establecimiento, or both. */
public enum ProfileSet {

	CORPORATE, MERCHANT, BOTH;

	public boolean allows(Profile profile) {
		return this == BOTH || name().equals(profile.name());
	}

	/** Whether every profile of this set is one of {@code company}'s: a user's profiles fit within their company's. */
	public boolean isWithin(ProfileSet company) {
		return company == BOTH || company == this;
	}

	public List<Profile> profiles() {
		return switch (this) {
			case CORPORATE -> List.of(Profile.CORPORATE);
			case MERCHANT -> List.of(Profile.MERCHANT);
			case BOTH -> List.of(Profile.CORPORATE, Profile.MERCHANT);
		};
	}

	/** The set of the profiles chosen; empty choice is refused by the caller. */
	public static ProfileSet of(boolean corporate, boolean merchant) {
		if (corporate && merchant) {
			return BOTH;
		}
		if (!corporate && !merchant) {
			throw new IllegalArgumentException("at least one profile");
		}
		return corporate ? CORPORATE : MERCHANT;
	}

}
