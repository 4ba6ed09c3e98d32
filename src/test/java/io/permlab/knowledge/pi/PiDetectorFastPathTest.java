package io.permlab.knowledge.pi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PiDetector's fast path must find and mask exactly what PiPatterns, run over the whole text, finds: the slow
 * reference, whose overlaps are settled by the same Overlaps.
 */
class PiDetectorFastPathTest {
    /** Values, near misses and the punctuation around them, glued at random so boundaries meet in every way. */
    private static final String[] PIECES = {"13812345678", "+8613812345678", "86-19912345678", "86 13912345678", "8613712345678",
            "11010519491231002X", "110105194912310021", "4111111111111111", "490154203237518", "zhang.san@example.com.cn", "a@b.cn",
            "3C:5A:B4:01:02:03", "3c-5a-b4-01-02-03", "沪A12345", "粤BD12345", "31.230416,121.473701", "31.23, 121.47", "-33.86,151.20",
            "0.25,0.10", "12.50", "1732780800000", "2024-11-28 12:30:45", "550e8400-e29b-41d4-a716-446655440000", "1.2.3", "@media",
            "x@", "@y", "..", "--", "::", "+", "86", "1", "12345678901234567890", "6222021234567890123", "13812345678@qq.com",
            "x.13812345678", "12812345678", "a13812345678b", "31.2304161", "121.4737011", "，", "电话", "京", "A", "X", "x", "_", "-",
            ".", ",", "  ", "\n", "\"", ":", "=", "&", "0.13812345678", "13812345678X", "1381234567８", "200.123456,300.123456", "0.00,0.00",
            "-31.23,-121.47", "31.23 ,121.47", "1.23，4.56", "864123456789010", "354123456789017", "8611010519491231002X", "M12.25,4.50L3.75",
            "6222021234567890128", "37828224631000", "371449635398431", "1101051949123100", "90.00,180.00", "90.01,180.01"};
    private static final String GLUE = " ,.;:-_+@=&\"'<>/\\()[]{}ab9Xx电话，\n\t";

    @Test
    void findsExactlyWhatThePatternsFindInRandomText() {
        List<String> mismatches = new ArrayList<>();
        for (long seed = 1; seed <= Long.getLong("pitext.seeds", 4); seed++) {
            Random random = new Random(seed);
            for (int n = 0; n < 25_000; n++) {
                String text = randomText(random);
                if (!PiDetector.find(text).equals(PiPatterns.find(text)) || !PiDetector.mask(text).equals(referenceMask(text))) {
                    mismatches.add(text);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void findsWithinARegionAsIfTheRegionWereTheWholeText() {
        String text = "x13812345678y|13812345678|zhang@example.com";
        int from = text.indexOf('|') + 1;
        int to = text.lastIndexOf('|');
        List<PiMatch> inRegion = PiDetector.find(text.toCharArray(), from, to);
        assertThat(inRegion).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(PiType.MOBILE_PHONE);
            assertThat(m.start()).isEqualTo(from);
        });
        assertThat(PiDetector.find(text.toCharArray(), 1, 12)).as("the region's edges are text boundaries").hasSize(1);
    }

    @Test
    void mobileNumbersBesideOtherPiAreJudgedByThePatterns() {
        assertThat(types("13812345678@qq.com")).containsExactly(PiType.EMAIL);
        assertThat(types("tel:+86-13812345678")).containsExactly(PiType.MOBILE_PHONE);
        assertThat(PiDetector.find("tel:+86-13812345678").get(0).value()).isEqualTo("+86-13812345678");
        assertThat(PiDetector.mask("电话13812345678，微信同号")).isEqualTo("电话138****5678，微信同号");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain text without numbers", "order 202411281234567890", "ts=1732780800000", "price 12.50 or 13.99",
            "uuid 550e8400-e29b-41d4-a716-446655440000", "version 156.0.8078.108", "time 2024-11-28T12:30:45+08:00"})
    void ordinaryTextHasNoPi(String text) {
        assertThat(PiDetector.find(text)).isEmpty();
        assertThat(PiPatterns.find(text)).as("same verdict as the patterns").isEmpty();
    }

    /** The masked text as the slow reference would write it. */
    private static String referenceMask(String text) {
        StringBuilder sb = new StringBuilder();
        int last = 0;
        for (PiMatch m : PiPatterns.find(text)) {
            sb.append(text, last, m.start()).append(PiMasker.maskValue(m));
            last = m.end();
        }
        return sb.append(text.substring(last)).toString();
    }

    private static List<PiType> types(String text) {
        return PiDetector.find(text).stream().map(PiMatch::type).toList();
    }

    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int pieces = random.nextInt(12) + 1;
        for (int i = 0; i < pieces; i++) {
            if (random.nextBoolean()) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            for (int g = random.nextInt(3); g > 0; g--) {
                sb.append(GLUE.charAt(random.nextInt(GLUE.length())));
            }
            if (random.nextInt(4) == 0) {
                sb.append(random.nextInt(100_000));
            }
        }
        return sb.toString();
    }
}
