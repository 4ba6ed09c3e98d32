package io.permlab.knowledge;

import io.permlab.model.Localized;

/** A permission a category justifies only for one sub-function (bike sharing justifies location for 用车服务). */
public record ConditionalPermission(String permission, Localized when) {
}
