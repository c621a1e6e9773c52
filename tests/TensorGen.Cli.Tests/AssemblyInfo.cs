using Xunit;

// Planning is budgeted in work, with the clock only as a backstop; running these one at a time keeps this project's
// own tests from being the load that trips it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
