package io.clave.server.corporate.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clave.server.shared.BankSettings;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The blank affiliation form a company downloads ("Descargar Documento"), fills in by hand, signs, seals and delivers
 * to the bank: one A4 page drawn with PDFBox in the visitor's language, with labelled boxes for the company, the
 * profile it asks for, its administrator (whose e-mail receives the temporary username and whose mobile the temporary
 * password), the supporting documents, and the legal representative's signature and the company's seal. It carries no
 * personal data: every request draws the same blank form.
 */
@Component
class AffiliationPdf {

	private static final float MARGIN = 40;

	private static final float GAP = 7;

	private static final float BOX_HEIGHT = 26;

	private static final float CHECK = 9;

	private static final int RUC_DIGITS = 13;

	private static final float MIN_SIGNATURE_HEIGHT = 50;

	private static final float MAX_SIGNATURE_HEIGHT = 90;

	private static final Color BRAND = new Color(0x0b, 0x5d, 0x3b);

	private static final Color LINE = new Color(0x5b, 0x65, 0x76);

	private static final Color TEXT = new Color(0x1d, 0x24, 0x30);

	private final MessageSource messages;

	private final BankSettings bank;

	private final AffiliationSettings settings;

	AffiliationPdf(MessageSource messages, BankSettings bank, AffiliationSettings settings) {
		this.messages = messages;
		this.bank = bank;
		this.settings = settings;
	}

	/** The form in the given language, as the bytes of a PDF file. */
	byte[] render(Locale locale) {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			describe(document, locale);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				new Drawing(content, page.getMediaBox(), locale).form();
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			// drawn in memory: an I/O error here is a bug, not bad input
			throw new UncheckedIOException(ex);
		}
	}

	private void describe(PDDocument document, Locale locale) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(text(locale, "corporate.affiliation.pdf.title"));
		info.setAuthor(this.bank.name());
		info.setCreator("Clave");
		document.getDocumentCatalog().setLanguage(locale.getLanguage());
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/** One page being drawn from the top down; {@code y} is the top of what comes next. */
	private final class Drawing {

		private final PDPageContentStream content;

		private final Locale locale;

		private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

		private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

		private final Map<Integer, Boolean> printable = new HashMap<>();

		private final float left;

		private final float width;

		private final float bottom;

		private float y;

		/** The top of the footer, which is drawn first: the signature boxes take what room is left above it. */
		private float footerTop;

		Drawing(PDPageContentStream content, PDRectangle page, Locale locale) {
			this.content = content;
			this.locale = locale;
			this.left = MARGIN;
			this.width = page.getWidth() - 2 * MARGIN;
			this.bottom = MARGIN;
			this.y = page.getHeight() - MARGIN;
		}

		void form() throws IOException {
			footer();
			header();
			company();
			profile();
			administrator();
			documents();
			signature();
		}

		private void header() throws IOException {
			fill(this.left, this.y - 4, this.width, 4, BRAND);
			this.y -= 22;
			write(AffiliationPdf.this.bank.name(), this.bold, 16, this.left, this.y, BRAND);
			this.y -= 20;
			write(msg("corporate.affiliation.pdf.title"), this.bold, 12.5f, this.left, this.y, TEXT);
			this.y -= 13;
			for (String line : wrap(msg("corporate.affiliation.pdf.instructions"), this.regular, 8.5f, this.width)) {
				write(line, this.regular, 8.5f, this.left, this.y, LINE);
				this.y -= 10.5f;
			}
		}

		private void company() throws IOException {
			section("corporate.affiliation.pdf.company");
			rucBoxes();
			boxes(field("corporate.affiliation.pdf.company.legal-name", 1));
			boxes(field("corporate.affiliation.pdf.company.trade-name", 1));
			boxes(field("corporate.affiliation.pdf.company.address", 1));
			boxes(field("corporate.affiliation.pdf.company.phone", 1), field("corporate.affiliation.pdf.company.email", 2));
		}

		/** The RUC in thirteen cells, one per digit. */
		private void rucBoxes() throws IOException {
			String label = msg("corporate.affiliation.pdf.company.ruc");
			write(label, this.bold, 7.5f, this.left, this.y - 8, TEXT);
			float cell = 17;
			float start = this.left + Math.max(110, this.bold.getStringWidth(pdf(label)) / 1000 * 7.5f + 10);
			for (int i = 0; i < RUC_DIGITS; i++) {
				rectangle(start + i * cell, this.y - 18, cell, 18);
			}
			this.y -= 18 + GAP;
		}

		private void profile() throws IOException {
			section("corporate.affiliation.pdf.profile");
			checkboxes("corporate.affiliation.pdf.profile.corporate", "corporate.affiliation.pdf.profile.merchant",
					"corporate.affiliation.pdf.profile.both");
		}

		private void administrator() throws IOException {
			section("corporate.affiliation.pdf.administrator");
			write(msg("corporate.affiliation.pdf.administrator.document-type"), this.bold, 7.5f, this.left, this.y - 8,
					TEXT);
			this.y -= 12;
			checkboxes("corporate.affiliation.pdf.administrator.cedula",
					"corporate.affiliation.pdf.administrator.passport");
			boxes(field("corporate.affiliation.pdf.administrator.document-number", 1));
			boxes(field("corporate.affiliation.pdf.administrator.names", 1),
					field("corporate.affiliation.pdf.administrator.surnames", 1));
			boxes(field("corporate.affiliation.pdf.administrator.email", 3),
					field("corporate.affiliation.pdf.administrator.mobile", 2));
			paragraph(msg("corporate.affiliation.pdf.administrator.note"), 8, LINE);
		}

		private void documents() throws IOException {
			section("corporate.affiliation.pdf.documents");
			for (String key : List.of("corporate.affiliation.pdf.documents.ruc",
					"corporate.affiliation.pdf.documents.appointment",
					"corporate.affiliation.pdf.documents.representative-id",
					"corporate.affiliation.pdf.documents.administrator-id")) {
				checkbox(this.left, this.y - CHECK);
				write(msg(key), this.regular, 8.5f, this.left + CHECK + 5, this.y - CHECK + 1.5f, TEXT);
				this.y -= CHECK + 5;
			}
			this.y -= GAP - 5;
		}

		private void signature() throws IOException {
			section("corporate.affiliation.pdf.signature");
			boxes(field("corporate.affiliation.pdf.signature.place", 2),
					field("corporate.affiliation.pdf.signature.date", 1));
			boxes(field("corporate.affiliation.pdf.signature.representative-name", 2),
					field("corporate.affiliation.pdf.signature.representative-id", 1));
			// room enough to sign and stamp, never over the footer (a long bank name or address wraps it further)
			float height = Math.max(MIN_SIGNATURE_HEIGHT, Math.min(MAX_SIGNATURE_HEIGHT, this.y - this.footerTop - GAP));
			float half = (this.width - GAP) / 2;
			rectangle(this.left, this.y - height, half, height);
			rectangle(this.left + half + GAP, this.y - height, half, height);
			centred(msg("corporate.affiliation.pdf.signature.representative"), this.left, half, this.y - height + 6);
			centred(msg("corporate.affiliation.pdf.signature.seal"), this.left + half + GAP, half,
					this.y - height + 6);
			line(this.left + 14, this.y - height + 18, this.left + half - 14);
			this.y -= height + GAP;
		}

		private void footer() throws IOException {
			String delivery = msg("corporate.affiliation.pdf.footer", AffiliationPdf.this.bank.name(),
					AffiliationPdf.this.settings.email(), AffiliationPdf.this.settings.processingHours(),
					AffiliationPdf.this.bank.callCenter());
			List<String> lines = wrap(delivery, this.regular, 7.5f, this.width);
			float top = this.bottom + lines.size() * 9.5f + 6;
			this.footerTop = top;
			line(this.left, top, this.left + this.width);
			float at = top - 10;
			for (String text : lines) {
				write(text, this.regular, 7.5f, this.left, at, LINE);
				at -= 9.5f;
			}
		}

		// ---- building blocks --------------------------------------------------------------------------------

		private void section(String key) throws IOException {
			this.y -= 4;
			fill(this.left, this.y - 14, this.width, 14, BRAND);
			write(msg(key), this.bold, 9, this.left + 5, this.y - 10.5f, Color.WHITE);
			this.y -= 14 + 6;
		}

		/** A row of boxes to write in, each labelled at its top left, sharing the width in proportion. */
		private void boxes(Field... fields) throws IOException {
			int shares = 0;
			for (Field field : fields) {
				shares += field.share();
			}
			float free = this.width - GAP * (fields.length - 1);
			float x = this.left;
			for (Field field : fields) {
				float boxWidth = free * field.share() / shares;
				rectangle(x, this.y - BOX_HEIGHT, boxWidth, BOX_HEIGHT);
				write(field.label(), this.regular, 6.5f, x + 3, this.y - 8, LINE);
				x += boxWidth + GAP;
			}
			this.y -= BOX_HEIGHT + GAP;
		}

		private Field field(String key, int share) {
			return new Field(msg(key), share);
		}

		private void checkboxes(String... keys) throws IOException {
			float x = this.left;
			for (String key : keys) {
				String label = msg(key);
				checkbox(x, this.y - CHECK);
				write(label, this.regular, 9, x + CHECK + 5, this.y - CHECK + 1.5f, TEXT);
				x += CHECK + 5 + this.regular.getStringWidth(pdf(label)) / 1000 * 9 + 24;
			}
			this.y -= CHECK + GAP;
		}

		private void checkbox(float x, float y) throws IOException {
			rectangle(x, y, CHECK, CHECK);
		}

		private void paragraph(String text, float size, Color colour) throws IOException {
			for (String line : wrap(text, this.regular, size, this.width)) {
				write(line, this.regular, size, this.left, this.y - size, colour);
				this.y -= size + 2.5f;
			}
			this.y -= GAP - 2;
		}

		private void centred(String text, float x, float boxWidth, float baseline) throws IOException {
			float textWidth = this.regular.getStringWidth(pdf(text)) / 1000 * 8;
			write(text, this.regular, 8, x + (boxWidth - textWidth) / 2, baseline, TEXT);
		}

		private void write(String text, PDFont font, float size, float x, float baseline, Color colour)
				throws IOException {
			this.content.beginText();
			this.content.setFont(font, size);
			this.content.setNonStrokingColor(colour);
			this.content.newLineAtOffset(x, baseline);
			this.content.showText(pdf(text));
			this.content.endText();
		}

		private void rectangle(float x, float y, float w, float h) throws IOException {
			this.content.setStrokingColor(LINE);
			this.content.setLineWidth(0.6f);
			this.content.addRect(x, y, w, h);
			this.content.stroke();
		}

		private void line(float x1, float y, float x2) throws IOException {
			this.content.setStrokingColor(LINE);
			this.content.setLineWidth(0.6f);
			this.content.moveTo(x1, y);
			this.content.lineTo(x2, y);
			this.content.stroke();
		}

		private void fill(float x, float y, float w, float h, Color colour) throws IOException {
			this.content.setNonStrokingColor(colour);
			this.content.addRect(x, y, w, h);
			this.content.fill();
		}

		private List<String> wrap(String text, PDFont font, float size, float maxWidth) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			for (String word : pdf(text).split(" ")) {
				String candidate = current.isEmpty() ? word : current + " " + word;
				if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > maxWidth) {
					lines.add(current.toString());
					current = new StringBuilder(word);
				}
				else {
					current = new StringBuilder(candidate);
				}
			}
			if (!current.isEmpty()) {
				lines.add(current.toString());
			}
			return lines;
		}

		private String msg(String key, Object... arguments) {
			return text(this.locale, key, arguments);
		}

		/**
		 * The text as the standard fonts can show it (WinAnsi: Spanish and English letters, the usual punctuation):
		 * control characters become spaces and anything else they cannot show (a bank name in another script, say)
		 * becomes a question mark, so that no configured text can break the form.
		 */
		private String pdf(String text) {
			StringBuilder out = new StringBuilder(text.length());
			text.codePoints().forEach(c -> {
				if (Character.isISOControl(c) || Character.isWhitespace(c)) {
					out.append(' ');
				}
				else if (this.printable.computeIfAbsent(c, this::showable)) {
					out.appendCodePoint(c);
				}
				else {
					out.append('?');
				}
			});
			return out.toString();
		}

		private boolean showable(int codePoint) {
			try {
				this.regular.encode(new String(Character.toChars(codePoint)));
				this.bold.encode(new String(Character.toChars(codePoint)));
				return true;
			}
			catch (IllegalArgumentException | IOException ex) {
				return false;
			}
		}

	}

	private record Field(String label, int share) {
	}

}
