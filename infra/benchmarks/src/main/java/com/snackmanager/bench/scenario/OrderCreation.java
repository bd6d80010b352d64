package com.snackmanager.bench.scenario;

import com.snackmanager.bench.http.Http;
import com.snackmanager.bench.report.Measurement;
import com.snackmanager.bench.wrk.WrkResult;
import java.util.List;
import java.util.Map;

/**
 * Measurement 3 (creation): {@code POST /orders/} through the gateway, one snack per order and each
 * snack once ({@code orders.lua}), so every order is a 201; then the duplicate-snack rule: ordering
 * a snack that an undelivered order holds — one this run ordered, and one a generated order holds —
 * must be a 400.
 *
 * <p>The orderable snacks (active, held by no order) are split: the first 40 % for the warm-up, the
 * rest for the measured run. The report shows what each process spent per created order.
 */
final class OrderCreation {

  static final double CREATION_RATE = 800;

  private final Context context;

  OrderCreation(Context context) {
    this.context = context;
  }

  void run(List<String> orderable, String heldByGeneratedOrder) {
    int split = orderable.size() * 2 / 5;
    List<String> warmUp = orderable.subList(0, split);
    List<String> measured = orderable.subList(split, orderable.size());
    String threads = Integer.toString(context.wrk().threads());
    String tokens = context.tokensFile().toString();
    String gateway = context.suite().gateway();

    context.warmUp(
        "order creation",
        gateway,
        "orders.lua",
        tokens,
        context.file("orders-warm-up.txt", warmUp).toString(),
        threads);
    Context.Measured run =
        context.measureWithCpu(
            "order creation",
            gateway,
            "orders.lua",
            tokens,
            context.file("orders.txt", measured).toString(),
            threads);
    WrkResult creation = run.result();
    context.report().cpu(run.cpu());
    long created = creation.count(201);
    boolean exhausted =
        creation.threads().stream()
            .anyMatch(thread -> thread.sent() > measured.size() / context.wrk().threads());

    context
        .report()
        .add(Measurement.rate(3, "Order creation (201 responses)", CREATION_RATE, creation));
    context
        .report()
        .add(
            Measurement.check(
                3,
                "Order creation: every order a 201",
                "0 errors, 0 non-201",
                Measurement.whole(created)
                    + " × 201, "
                    + (creation.requests() - created)
                    + " other, "
                    + creation.socketErrors()
                    + " socket errors"
                    + (exhausted ? " (ran out of snacks: raise BENCH_SCALE)" : ""),
                creation.socketErrors() == 0 && created == creation.requests()));

    // the first snack of thread 0's share was ordered in the measured run: it is held now
    Context.settle(java.time.Duration.ofSeconds(1));
    int ownRule = secondOrder(measured.get(0));
    int generatedRule = secondOrder(heldByGeneratedOrder);
    context
        .report()
        .add(
            Measurement.check(
                3,
                "Duplicate-snack rule: a snack held by an undelivered order",
                "400",
                ownRule + " (ordered in this run), " + generatedRule + " (generated order)",
                ownRule == 400 && generatedRule == 400));
  }

  private int secondOrder(String snackUid) {
    Http.Response response =
        context
            .http()
            .post(
                context.suite().gateway() + "/orders/",
                context.adminToken(),
                Map.of("snacks", List.of(Map.of("uid", snackUid, "quantity", 1))));
    Context.log("order of held snack " + snackUid + ": " + response.status());
    return response.status();
  }
}
