using System;
using Decompositions;

// TensorGen's decomposed tensors: Tucker compression, an MPS expectation value and a tensorized-FNO spectral
// convolution, each checked against a dense computation; the kernels they call are declared in Kernels.cs and
// generated at build time (obj/Release/net10.0/generated/TensorGen.Generator/TensorGen.Decompositions.DecompositionGenerator/).
int failures = TuckerCompression.Run() + MpsExpectation.Run() + SpectralConvolution.Run();
Console.WriteLine(failures == 0 ? "All checks passed." : $"{failures} check(s) FAILED.");
return failures == 0 ? 0 : 1;
