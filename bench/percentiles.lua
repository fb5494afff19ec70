-- Print latency percentiles (microseconds) that wrk's own report leaves out (p95).
done = function(summary, latency, requests)
  for _, p in pairs({50, 95, 99}) do
    io.write(string.format("PCT %d %d\n", p, latency:percentile(p)))
  end
end
