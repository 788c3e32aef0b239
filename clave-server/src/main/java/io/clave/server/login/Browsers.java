package io.clave.server.login;

import java.util.Locale;

/** A short, readable name for the browser and system of a User-Agent, for the login notice ("Firefox, Windows"). */
final class Browsers {

	private Browsers() {
	}

	static String describe(String userAgent) {
		String agent = userAgent.toLowerCase(Locale.ROOT);
		String browser = agent.contains("edg/") ? "Edge"
				: agent.contains("opr/") ? "Opera"
						: agent.contains("firefox/") ? "Firefox"
								: agent.contains("chrome/") || agent.contains("chromium/") ? "Chrome"
										: agent.contains("safari/") ? "Safari" : null;
		String system = agent.contains("android") ? "Android"
				: agent.contains("iphone") || agent.contains("ipad") ? "iOS"
						: agent.contains("windows") ? "Windows"
								: agent.contains("mac os") ? "macOS" : agent.contains("linux") ? "Linux" : null;
		if (browser == null) {
			String raw = userAgent.strip();
			return raw.isEmpty() ? "?" : raw.length() > 60 ? raw.substring(0, 60) + "…" : raw;
		}
		return system == null ? browser : browser + ", " + system;
	}

}
