package dev.credwatch.agent.log;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogLineTest {

    @Test
    void textIsPrefixedLogfmtQuotingOnlyWhatNeedsIt() {
        LogLine line = new LogLine(LogLine.Level.WARN, null).field("diagnosis", "clock_skew")
                .field("skew_s", -372L).field("path", "C:\\logs\\cw.log").field("hint", "sync it with NTP")
                .field("quote", "say \"hi\"").field("eq", "a=b").field("empty", "").field("absent", (String) null);

        assertThat(line.render(LogFormat.TEXT)).isEqualTo("[credwatch] WARN diagnosis=clock_skew skew_s=-372 "
                + "path=C:\\logs\\cw.log hint=\"sync it with NTP\" quote=\"say \\\"hi\\\"\" eq=\"a=b\" empty=\"\"");
    }

    @Test
    void controlCharactersAreEscapedSoThatALineStaysOneLine() {
        LogLine line = new LogLine(LogLine.Level.ERROR, "two\nlines").field("v", "a\nb\tc\u0001d\u2028e\\f");

        assertThat(line.render(LogFormat.TEXT))
                .isEqualTo("[credwatch] ERROR two lines v=\"a\\nb\\tc\\u0001d\\u2028e\\\\f\"");
        assertThat(line.render(LogFormat.JSON)).isEqualTo("{\"level\":\"ERROR\",\"logger\":\"credwatch\","
                + "\"message\":\"two\\nlines\",\"v\":\"a\\nb\\tc\\u0001d\\u2028e\\\\f\"}");
    }

    @Test
    void jsonKeepsTheOrderAndWritesNumbersAsNumbers() {
        LogLine line = new LogLine(LogLine.Level.INFO, "credwatch started").field("version", "0.1.0")
                .field("ttl_s", 299L).field("hint", "say \"hi\"");

        assertThat(line.render(LogFormat.JSON)).isEqualTo("{\"level\":\"INFO\",\"logger\":\"credwatch\","
                + "\"message\":\"credwatch started\",\"version\":\"0.1.0\",\"ttl_s\":299,\"hint\":\"say \\\"hi\\\"\"}");
    }

    @Test
    void aMessageComesBeforeTheFields() {
        assertThat(new LogLine(LogLine.Level.INFO, "credwatch started").field("mask", "partial")
                .render(LogFormat.TEXT)).isEqualTo("[credwatch] INFO credwatch started mask=partial");
    }
}
