import CGSL

/// One-time set-up of the GSL library for this process.
///
/// GSL's default error handler calls `abort()`, which would take a whole test runner or
/// experiment down with it. Every GSLKit entry point that reaches C first touches
/// ``GSLRuntime/prepared``, which turns the handler off exactly once (a global `let` is
/// initialised lazily and thread-safely). Arguments are checked in Swift before they reach C.
enum GSLRuntime {
    static let prepared: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    /// A new GSL generator of `type`, seeded with `seed` (`gsl_rng_alloc`, `gsl_rng_set`); the
    /// caller frees it with `gsl_rng_free`. Stops the process when GSL cannot allocate it.
    static func generator(_ type: UnsafePointer<gsl_rng_type>, seed: UInt32) -> UnsafeMutablePointer<gsl_rng> {
        _ = prepared
        guard let state = gsl_rng_alloc(type) else {
            fatalError("GSL could not allocate a \(String(cString: type.pointee.name)) generator (out of memory)")
        }
        gsl_rng_set(state, UInt(seed))
        return state
    }
}
