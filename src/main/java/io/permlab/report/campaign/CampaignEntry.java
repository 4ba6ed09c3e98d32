package io.permlab.report.campaign;

import io.permlab.model.TargetResult;

/**
 * One app of a campaign as the campaign report shows it: what the manifest says about it (row, name, operator,
 * version, category), where it stands, and its result once finished (null while pending or running).
 */
public record CampaignEntry(int row, String name, String operator, String version, String categoryId, Status status,
                            TargetResult result) {
    public enum Status {
        PENDING("待检测", "pending"), RUNNING("检测中", "running"), DONE("已完成", "done"),
        FAILED("检测出错", "failed"), REJECTED("清单有误", "rejected");

        private final String zh;
        private final String en;

        Status(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }
}
