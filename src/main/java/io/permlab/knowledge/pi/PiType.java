package io.permlab.knowledge.pi;

/** Kinds of personal information that can be recognised in text (docs/rulebase.md, personal information), with the PI kind id each maps to. */
public enum PiType {
    RESIDENT_ID("id_number"),
    MOBILE_PHONE("phone_number"),
    BANK_CARD("bank_card"),
    IMEI("device_identifiers"),
    EMAIL("email"),
    MAC_ADDRESS("device_identifiers"),
    LICENSE_PLATE("license_plate"),
    /** A mainland ordinary passport number: found only after a passport label or under a passport name. */
    PASSPORT("id_number"),
    COORDINATES("location_precise"),
    /** A name: found only as the test persona's declared value, never guessed. */
    PERSON_NAME("name"),
    /** An address: the test persona's declared value, or a value under an address key of a response. */
    ADDRESS("delivery_address"),
    /** Another device identifier the persona declares (Android ID, OAID). */
    DEVICE_ID("device_identifiers");

    private final String piKind;

    PiType(String piKind) {
        this.piKind = piKind;
    }

    /** The pi-kinds.json id this type of match is evidence of. */
    public String piKind() {
        return piKind;
    }

    /**
     * The pi-kinds.json id of a match that may be imprecise: coordinates too rounded to place a person (fewer than 4
     * decimals, PiSighting.precise) are an approximate location, not a precise one. Every label and policy comparison
     * of a sighting goes through here, so that they agree.
     */
    public String piKind(boolean precise) {
        return "location_precise".equals(piKind) && !precise ? "location_coarse" : piKind;
    }
}
