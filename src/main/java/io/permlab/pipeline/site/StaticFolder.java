package io.permlab.pipeline.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of one served folder, looked up by a decoded request path. Nothing outside the folder is ever named:
 * a segment that is empty, starts with a dot ({@code ..}, {@code .}, dot-files) or holds a separator or a drive
 * colon is refused before the file system is asked, and a symbolic link is followed only when its real target
 * still lies inside the folder.
 */
final class StaticFolder {
    private static final String INDEX = "index.html";

    /** What a path names: a file to send, or a directory asked for without its trailing slash. */
    sealed interface Lookup permits Found, AddSlash {
    }

    record Found(Path file) implements Lookup {
    }

    record AddSlash() implements Lookup {
    }

    private final Path root;

    StaticFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a folder to serve: " + dir.toAbsolutePath());
        }
        this.root = dir.toRealPath();
    }

    /** @param path the request path, percent-decoded, starting with "/" */
    Optional<Lookup> lookup(String path) throws IOException {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        boolean directoryWanted = path.endsWith("/");
        List<String> segments = List.of(path.substring(1).split("/", -1));
        Path candidate = root;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean trailingEmpty = i == segments.size() - 1 && segment.isEmpty();
            if (trailingEmpty) {
                break;
            }
            if (!isPlainName(segment)) {
                return Optional.empty();
            }
            candidate = candidate.resolve(segment);
        }
        Optional<Path> real = realInside(candidate);
        if (real.isEmpty()) {
            return Optional.empty();
        }
        if (Files.isDirectory(real.get())) {
            if (!directoryWanted) {
                return Optional.of(new AddSlash());
            }
            return realInside(real.get().resolve(INDEX)).filter(Files::isRegularFile).map(Found::new);
        }
        if (directoryWanted || !Files.isRegularFile(real.get())) {
            return Optional.empty();
        }
        return Optional.of(new Found(real.get()));
    }

    private static boolean isPlainName(String segment) {
        return !segment.isEmpty() && !segment.startsWith(".")
                && segment.chars().noneMatch(c -> c == '/' || c == '\\' || c == ':' || c == 0);
    }

    /** The real path (symbolic links resolved) when it exists and lies inside the folder. */
    private Optional<Path> realInside(Path candidate) throws IOException {
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) || !Files.exists(candidate)) {
            return Optional.empty();
        }
        Path real = candidate.toRealPath();
        return real.startsWith(root) ? Optional.of(real) : Optional.empty();
    }
}
