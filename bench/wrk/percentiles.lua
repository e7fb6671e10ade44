-- Prints requests per second, the latency percentiles and the non-2xx count in one line that the
-- benchmark scripts parse: "RESULT rps=… p50=… p95=… p99=… max=… errors=… requests=…" (milliseconds).
local non2xx = 0

response = function(status, headers, body)
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
    end
end

done = function(summary, latency, requests)
    local seconds = summary.duration / 1000000
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.status + summary.errors.timeout
    io.write(string.format("RESULT rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f errors=%d requests=%d\n",
        summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000, errors, summary.requests))
end
