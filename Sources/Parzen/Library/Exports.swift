// `import Parzen` also brings GSLKit's public types into scope: the seeded generator
// (`MersenneTwister`) that `sample(using:)`, the suggesters and `fmin` take is part of
// Parzen's own API.
@_exported import GSLKit
