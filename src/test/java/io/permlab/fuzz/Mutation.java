package io.permlab.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

/**
 * The ways the fuzzer damages bytes: the classic byte-level mutations plus length-field corruption, which writes an
 * extreme value (0, -1, 2^31-1, just past the end) into a 2- or 4-byte field — the counts and sizes zip
 * headers, Android's binary chunks (manifest, resource table) and dex headers all begin with.
 */
enum Mutation {
    BIT_FLIP {
        @Override
        byte[] apply(byte[] in, Random r) {
            byte[] out = in.clone();
            int flips = 1 + r.nextInt(8);
            for (int i = 0; i < flips && out.length > 0; i++) {
                int at = position(out.length, r);
                out[at] ^= (byte) (1 << r.nextInt(8));
            }
            return out;
        }
    },
    TRUNCATION {
        @Override
        byte[] apply(byte[] in, Random r) {
            return Arrays.copyOf(in, in.length == 0 ? 0 : r.nextInt(in.length));
        }
    },
    BYTE_INSERTION {
        @Override
        byte[] apply(byte[] in, Random r) {
            int at = in.length == 0 ? 0 : r.nextInt(in.length + 1);
            byte[] inserted = new byte[1 + r.nextInt(64)];
            r.nextBytes(inserted);
            byte[] out = new byte[in.length + inserted.length];
            System.arraycopy(in, 0, out, 0, at);
            System.arraycopy(inserted, 0, out, at, inserted.length);
            System.arraycopy(in, at, out, at + inserted.length, in.length - at);
            return out;
        }
    },
    CHUNK_DUPLICATION {
        @Override
        byte[] apply(byte[] in, Random r) {
            if (in.length < 2) {
                return in.clone();
            }
            int from = r.nextInt(in.length - 1);
            int length = 1 + r.nextInt(Math.min(4096, in.length - from));
            int at = r.nextInt(in.length + 1);
            byte[] out = new byte[in.length + length];
            System.arraycopy(in, 0, out, 0, at);
            System.arraycopy(in, from, out, at, length);
            System.arraycopy(in, at, out, at + length, in.length - at);
            return out;
        }
    },
    LENGTH_FIELD {
        @Override
        byte[] apply(byte[] in, Random r) {
            if (in.length < 4) {
                return in.clone();
            }
            byte[] out = in.clone();
            int fields = 1 + r.nextInt(3);
            for (int i = 0; i < fields; i++) {
                int at = Math.min(position(out.length, r) & ~1, out.length - 4);
                // zip, dex and Android's chunks are little-endian; .wxapkg headers are big-endian
                ByteBuffer b = ByteBuffer.wrap(out).order(r.nextInt(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                int value = switch (r.nextInt(6)) {
                    case 0 -> 0;
                    case 1 -> -1;
                    case 2 -> Integer.MAX_VALUE;
                    case 3 -> out.length + 1 + r.nextInt(1024);
                    case 4 -> 1 << (16 + r.nextInt(15));
                    default -> r.nextInt();
                };
                if (r.nextBoolean()) {
                    b.putInt(at, value);
                } else {
                    b.putShort(at, (short) value);
                }
            }
            return out;
        }
    };

    abstract byte[] apply(byte[] in, Random r);

    /** Headers hold most of the structure: half of all positions fall in the first 512 bytes. */
    static int position(int length, Random r) {
        return r.nextBoolean() ? r.nextInt(Math.min(length, 512)) : r.nextInt(length);
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
