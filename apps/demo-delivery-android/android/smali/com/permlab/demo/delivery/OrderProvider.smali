.class public Lcom/permlab/demo/delivery/OrderProvider;
.super Ljava/lang/Object;
.source "OrderProvider.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method
