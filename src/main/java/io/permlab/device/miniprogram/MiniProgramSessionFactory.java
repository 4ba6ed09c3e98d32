package io.permlab.device.miniprogram;

import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.exercise.SessionFactory;
import io.permlab.model.dynamic.RunPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh runtime process per run, each with its own staged copy of the program under the scratch folder. */
public final class MiniProgramSessionFactory implements SessionFactory {
    private final MiniProgramConfig config;
    private final AtomicInteger runs = new AtomicInteger();

    public MiniProgramSessionFactory(MiniProgramConfig config) {
        this.config = config;
    }

    @Override
    public Session open(RunPolicy policy) throws SessionException {
        return openMiniProgram(policy);
    }

    /** The same as {@link #open}, typed, for callers that read the journal ({@link MiniProgramSession#events()}). */
    public MiniProgramSession openMiniProgram(RunPolicy policy) throws SessionException {
        Path scratch = config.scratch().resolve("session-" + runs.incrementAndGet());
        try {
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "cannot create " + scratch + ": " + e.getMessage(), e);
        }
        return MiniProgramSession.start(config, policy, scratch);
    }

    /** Every WeChat scope has a sheet a user can refuse, with or without a web-permission counterpart. */
    @Override
    public boolean canRefuse(String permission) {
        return Scopes.refusable(permission);
    }

    /** Each session is a runtime process of its own with its own staged copy of the program. */
    @Override
    public boolean concurrentSessions() {
        return true;
    }

    @Override
    public String describe() {
        return "mini-program runtime (node + miniprogram-simulate)";
    }
}
