package io.permlab.capture;

import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.RawRun;
import io.permlab.model.dynamic.Persona;
import io.permlab.model.dynamic.PiSighting;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Telling PI the user typed from PI the app gathered, by the typed value itself, in what a page sent. */
class TypedValuesTest {
    private static final RawRun.TypedText PHONE = new RawRun.TypedText(3, 1000, "13812345678");

    private static List<PiSighting> marked(List<RawRun.TypedText> typed, Persona persona, ObservedExchange x, long at) {
        List<PiSighting> sent = PiScanner.sent(x);
        if (persona != null) {
            sent = PersonaPi.merged(sent, new PersonaMatcher(persona).sent(x));
        }
        return new TypedValues(typed, persona).mark(sent, x, at);
    }

    @Test
    void theTypedPhoneIsMarkedWithItsStepInAnyEncodingAndTheOtherPiIsNot() {
        ObservedExchange x = Exchanges.post("http://parcel.example/q", "application/x-www-form-urlencoded",
                "tel=%2B86%20138%201234%205678&other=13987654321").build();
        List<PiSighting> sent = marked(List.of(PHONE), null, x, 1500);
        assertThat(sent).filteredOn(s -> s.where().equals("body form tel")).singleElement()
                .satisfies(s -> assertThat(s.typedAtStep()).isEqualTo(3));
        assertThat(sent).filteredOn(s -> s.where().equals("body form other")).singleElement()
                .satisfies(s -> assertThat(s.typedByUser()).as("a different number").isFalse());
    }

    @Test
    void aPhoneTypedWithSeparatorsIsFoundAsTheAppSendsIt() {
        RawRun.TypedText spaced = new RawRun.TypedText(3, 1000, "+86 138-1234-5678");
        ObservedExchange x = Exchanges.get("http://parcel.example/q?tel=13812345678").build();
        assertThat(marked(List.of(spaced), null, x, 1500)).isNotEmpty().allMatch(PiSighting::typedByUser);
    }

    @Test
    void aValueSentBeforeItWasTypedIsNotTheUsersInput() {
        ObservedExchange x = Exchanges.get("http://parcel.example/q?tel=13812345678").build();
        assertThat(marked(List.of(PHONE), null, x, 900)).isNotEmpty().noneMatch(PiSighting::typedByUser);
        assertThat(marked(List.of(PHONE), null, x, 1000)).as("sent as the step that typed it began").allMatch(PiSighting::typedByUser);
    }

    @Test
    void aPhoneInsideALongerTypedTextIsFoundAndANameIsKnownByThePersona() {
        Persona persona = new Persona("张三", null, null, null, null, null, null, null, null);
        List<RawRun.TypedText> typed = List.of(new RawRun.TypedText(2, 500, "张三"),
                new RawRun.TypedText(3, 600, "请联系 13812345678"));
        ObservedExchange x = Exchanges.post("http://parcel.example/q", "application/json",
                "{\"name\":\"张三\",\"note\":\"13812345678\"}").build();
        List<PiSighting> sent = marked(typed, persona, x, 700);
        assertThat(sent).extracting(PiSighting::type).contains("PERSON_NAME", "MOBILE_PHONE");
        assertThat(sent).allSatisfy(s -> assertThat(s.typedByUser()).as(s.toString()).isTrue());
        assertThat(sent).filteredOn(s -> s.type().equals("PERSON_NAME")).allMatch(s -> s.typedAtStep() == 2);
    }

    /** A page that keeps what the user typed in a cookie, sent back to its host with the next request. */
    @Test
    void aTypedPhoneSentBackInACookieIsTheUsersInput() {
        ObservedExchange x = Exchanges.get("http://parcel.example/list").header("Cookie", "sid=abc; tel=13812345678").build();
        assertThat(marked(List.of(PHONE), null, x, 1500)).isNotEmpty().allMatch(PiSighting::typedByUser);
    }

    @Test
    void aPlaceIsTheSameOnlyUpToABoundary() {
        assertThat(TypedValues.samePlace("url query m", "url query m")).isTrue();
        assertThat(TypedValues.samePlace("body $.u (base64)", "body $.u")).isTrue();
        assertThat(TypedValues.samePlace("body form name (persona)", "body form name")).isTrue();
        assertThat(TypedValues.samePlace("body $.a", "body $.a.b")).isTrue();
        assertThat(TypedValues.samePlace("url query m", "url query mobile")).isFalse();
        assertThat(TypedValues.samePlace("body $.phone", "body $.phone2")).isFalse();
    }

    @Test
    void aTypedTextNeverShowsItsValue() {
        assertThat(PHONE.toString()).doesNotContain("13812345678").contains("step 3");
    }
}
