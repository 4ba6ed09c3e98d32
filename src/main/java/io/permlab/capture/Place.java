package io.permlab.capture;

/** Where a value sits, asked for only when something is found there: its name and its where text. */
interface Place {
    KeyName key();

    String where();

    /** A value with a fixed name and where, for parameters, headers, cookies and storage entries. */
    static Place of(String name, String where) {
        return new Place() {
            private KeyName key;

            @Override
            public KeyName key() {
                if (key == null) {
                    key = KeyName.of(name);
                }
                return key;
            }

            @Override
            public String where() {
                return where;
            }
        };
    }
}
