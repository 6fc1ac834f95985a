#!/usr/bin/env python3
# Prints the rows of ClientRateLimiterTest::shouldFollowBotocore_data: botocore's own adaptive-mode
# classes (retries/adaptive.py, bucket.py, throttling.py) run on the same scripted answers.
# Run: python3 tests/client/botocore_adaptive_reference.py (botocore 1.43.11 gave the pasted rows)
import math
from botocore.retries import adaptive, bucket, throttling

class FakeClock:
    def __init__(self, t): self.t = t
    def current_time(self): return self.t
    def sleep(self, s): self.t += s

class Detector:
    def __init__(self): self.next = False
    def is_throttling_error(self, **kw): return self.next

def run(name, start_ms, step_ms, count, throttled):
    clock = FakeClock(start_ms / 1000.0)
    det = Detector()
    tb = bucket.TokenBucket(max_rate=1, clock=clock)
    lim = adaptive.ClientRateLimiter(
        rate_adjustor=throttling.CubicCalculator(starting_max_rate=0, start_time=clock.current_time()),
        rate_clocker=adaptive.RateClocker(clock), token_bucket=tb, throttling_detector=det, clock=clock)
    for i in range(count):
        clock.t = (start_ms + i * step_ms) / 1000.0
        det.next = i in throttled
        lim.on_receiving_response()
    end = clock.t
    tb._refill()
    cap, rate = tb.available_capacity, tb.max_rate
    waits = [math.ceil(max(0.0, (k - cap) / rate) * 1000) for k in range(1, 6)]
    print(f'    QTest::newRow("{name}") << qint64({start_ms}) << {step_ms} << {count} << QList<int>{{{", ".join(map(str, sorted(throttled)))}}}'
          f' << {rate!r} << {lim._rate_clocker.measured_rate!r} << QList<qint64>{{{", ".join(map(str, waits))}}};')

run("steady 10 a second, no throttle", 1_000_000, 100, 30, set())
run("one throttle after two seconds at 10 a second", 1_000_000, 100, 21, {20})
run("one throttle, then a second of recovery", 1_000_000, 100, 31, {20})
run("one throttle, then five seconds of recovery", 1_000_000, 100, 71, {20})
run("three throttles in quick succession at 20 a second", 1_000_000, 50, 31, {20, 25, 30})
run("a throttle storm at 40 a second", 1_000_000, 25, 120, set(range(40, 120, 4)))
run("throttles half a second apart, then recovery", 5_000_250, 100, 80, {20, 25, 30, 35})
