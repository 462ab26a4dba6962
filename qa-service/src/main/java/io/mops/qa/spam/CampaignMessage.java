package io.mops.qa.spam;

import io.mops.qa.campaign.EmailCreative;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The campaign's email as a recipient's server receives it, for spamd to score: From (name and address), To, Subject,
 * Date, Message-ID, and the HTML and plain-text parts as {@code multipart/alternative} (one part alone when the other
 * is missing — that a message is HTML only is itself something spam filters weigh). Assembled with Jakarta Mail, so
 * headers and bodies are encoded as a real mailer would (RFC 2047 words, quoted-printable).
 *
 * <p>Deterministic for one email on one day: the Date is the day of the run at 09:00 UTC and the Message-ID a digest
 * of the content, so that the same campaign gets the same score again.
 */
public final class CampaignMessage {

    /** A reserved name (RFC 2606): the score must not depend on who receives the email, and nobody does. */
    static final String RECIPIENT = "recipient@example.com";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            Locale.ENGLISH);

    private CampaignMessage() {
    }

    public static byte[] of(EmailCreative email, LocalDate day) {
        try {
            Session session = Session.getInstance(new Properties());
            String messageId = "<qa." + digest(email) + "@" + domainOf(email.senderAddress()) + ">";
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            if (!blank(email.senderAddress())) {
                message.setFrom(new InternetAddress(email.senderAddress().strip(),
                        blank(email.senderName()) ? null : email.senderName().strip(), "UTF-8"));
            }
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(RECIPIENT));
            if (!blank(email.subject())) {
                message.setSubject(email.subject().strip(), "UTF-8");
            }
            boolean html = !blank(email.html());
            boolean text = !blank(email.plainText());
            if (html && text) {
                MimeMultipart alternative = new MimeMultipart("alternative");
                MimeBodyPart plain = new MimeBodyPart();
                plain.setText(email.plainText(), "UTF-8", "plain");
                MimeBodyPart rich = new MimeBodyPart();
                rich.setText(email.html(), "UTF-8", "html");
                alternative.addBodyPart(plain);
                alternative.addBodyPart(rich);
                message.setContent(alternative);
            } else if (html) {
                message.setText(email.html(), "UTF-8", "html");
            } else {
                message.setText(text ? email.plainText() : "", "UTF-8", "plain");
            }
            message.saveChanges();
            // Written out rather than through setSentDate, which formats in the JVM's default time zone.
            message.setHeader("Date", DATE.format(day.atTime(9, 0).atOffset(ZoneOffset.UTC)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalArgumentException("the email cannot be assembled: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String domainOf(String address) {
        if (blank(address) || !address.contains("@")) {
            return "mops-qa.invalid";
        }
        String domain = address.substring(address.lastIndexOf('@') + 1).strip();
        return domain.matches("[A-Za-z0-9.-]+") ? domain : "mops-qa.invalid";
    }

    private static String digest(EmailCreative email) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {email.subject(), email.senderName(), email.senderAddress(), email.html(),
                    email.plainText()}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
