namespace FsmGen.Patterns.Etl;

/// <summary>
/// Accounts for every extracted record of a run exactly once — loaded, rejected, error or skipped — keeps the error
/// and rejection details (up to the config's limit, in source order) and makes progress snapshots. Batches are
/// accounted in source order; calls are serialized by a lock so progress may be read from any thread.
/// </summary>
internal sealed class EtlLedger(EtlConfig config, IReadOnlyList<string> readOrder)
{
    private readonly object _gate = new();
    private readonly List<(EtlError Error, bool ByOrdinal)> _errors = [];
    private readonly List<(EtlError Error, bool ByOrdinal)> _rejections = [];
    private long _extracted;
    private long _transformed;
    private long _loaded;
    private long _rejected;
    private long _errorCount;
    private long _skipped;
    private long _batches;

    public long Extracted
    {
        get
        {
            lock (_gate)
            {
                return _extracted;
            }
        }
    }

    /// <summary>Whether the error rate with a unit's outcome added stays within the threshold.</summary>
    public bool WithinThreshold(IReadOnlyList<IReadOnlyList<EtlRecord>> unit, int refusedRows)
    {
        long unitRecords = 0;
        long unitErrors = refusedRows;
        foreach (var batch in unit)
        {
            unitRecords += batch.Count;
            foreach (var record in batch)
            {
                if (record.End == EtlRecordEnd.Error || (record.End == EtlRecordEnd.Rejected && config.RejectCountsAsError))
                {
                    unitErrors++;
                }
            }
        }

        lock (_gate)
        {
            var total = _extracted + unitRecords;
            return total == 0 || (double)(_errorCount + unitErrors) / total <= config.ErrorThreshold;
        }
    }

    /// <summary>Accounts a batch: <paramref name="committed"/> says whether its staged rows reached the target.</summary>
    public void Account(IReadOnlyList<EtlRecord> batch, IReadOnlyList<RowFailure> refused, bool committed, LoadShape? shape)
    {
        Dictionary<EtlRecord, RowFailure>? refusedByRecord = null;
        if (refused.Count > 0)
        {
            refusedByRecord = new Dictionary<EtlRecord, RowFailure>(ReferenceEqualityComparer.Instance);
            foreach (var failure in refused)
            {
                refusedByRecord[failure.Record] = failure;
            }
        }

        lock (_gate)
        {
            foreach (var record in batch)
            {
                _extracted++;
                switch (record.End)
                {
                    case EtlRecordEnd.Staged:
                        _transformed++;
                        if (refusedByRecord is not null && refusedByRecord.TryGetValue(record, out var failure))
                        {
                            AddError(record, new EtlFailure(EtlStage.Load, failure.Field, failure.Reason), shape);
                        }
                        else if (committed)
                        {
                            _loaded++;
                        }
                        else
                        {
                            _skipped++;
                        }

                        break;
                    case EtlRecordEnd.Rejected when !config.RejectCountsAsError:
                        _rejected++;
                        if (_rejections.Count < config.MaxErrorDetails)
                        {
                            _rejections.Add((Describe(record, record.Failure!, shape), record.Ordinal > 0));
                        }

                        break;
                    case EtlRecordEnd.Rejected:
                    case EtlRecordEnd.Error:
                        if (record.Failure?.Stage == EtlStage.Load)
                        {
                            _transformed++;
                        }

                        AddError(record, record.Failure!, shape);
                        break;
                    default:
                        // Never taken through the machine: the run stopped first. A record that was unreadable is still an error.
                        if (record.Failure is { } unread)
                        {
                            AddError(record, unread, shape);
                        }
                        else
                        {
                            _skipped++;
                        }

                        break;
                }
            }
        }
    }

    public void BatchesCommitted(int count)
    {
        lock (_gate)
        {
            _batches += count;
        }
    }

    public EtlProgress Snapshot(TimeSpan elapsed)
    {
        lock (_gate)
        {
            return new EtlProgress(_extracted, _loaded, _rejected, _errorCount, _skipped, _batches, elapsed);
        }
    }

    /// <summary>The result; file record positions counted among readable records are turned into record numbers in the file.</summary>
    public EtlResult ToResult(string? checkpointId, bool resumed, long previouslyCommitted, bool completed, TimeSpan elapsed, long[]? unreadableRecordNumbers)
    {
        lock (_gate)
        {
            return new EtlResult(
                config.Mode,
                checkpointId,
                resumed,
                previouslyCommitted,
                _extracted,
                _transformed,
                _loaded,
                _rejected,
                _errorCount,
                _skipped,
                _batches,
                _errors.Select(e => Positioned(e, unreadableRecordNumbers)).ToArray(),
                _rejections.Select(e => Positioned(e, unreadableRecordNumbers)).ToArray(),
                completed,
                elapsed);
        }
    }

    /// <summary>The first error's description, for messages.</summary>
    public string? FirstError()
    {
        lock (_gate)
        {
            return _errors.Count == 0 ? null : _errors[0].Error.ToString();
        }
    }

    private void AddError(EtlRecord record, EtlFailure failure, LoadShape? shape)
    {
        _errorCount++;
        if (_errors.Count < config.MaxErrorDetails)
        {
            _errors.Add((Describe(record, failure, shape), record.Ordinal > 0));
        }
    }

    private EtlError Describe(EtlRecord record, EtlFailure failure, LoadShape? shape)
    {
        string? key;
        if (record.OrderValues is { } order && order.Length == readOrder.Count)
        {
            key = string.Join(", ", readOrder.Select((column, i) => $"{column}={ValueConversion.ToInvariantText(order[i])}"));
        }
        else
        {
            key = record.DescribeKey(config, shape);
        }

        return new EtlError(record.Position, key, failure.Stage, failure.Field, failure.Reason);
    }

    private static EtlError Positioned((EtlError Error, bool ByOrdinal) entry, long[]? unreadable)
    {
        if (!entry.ByOrdinal || unreadable is not { Length: > 0 })
        {
            return entry.Error;
        }

        // The n-th readable record is record n plus the unreadable records before it.
        var number = entry.Error.Position;
        foreach (var bad in unreadable)
        {
            if (bad > number)
            {
                break;
            }

            number++;
        }

        return entry.Error with { Position = number };
    }
}
