using System;
using System.Globalization;
using System.Linq;
using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using TensorGen.Decompositions;

namespace Decompositions;

/// <summary>
/// The energy of matrix product states of the transverse-field Ising chain H = −J Σ Z_i Z_{i+1} − h Σ X_i (10 sites,
/// critical J = h = 1): the Hamiltonian as an MPO of bond 3, the exact ground state compressed by TT-SVD to bond χ,
/// and ⟨ψ|H|ψ⟩ / ⟨ψ|ψ⟩ by generated kernels, never forming the 1024 × 1024 matrix — which is formed here only to
/// check against.
/// </summary>
internal static class MpsExpectation
{
    public const int Sites = 10;
    private const double J = 1, Field = 1;

    public static int Run()
    {
        Console.WriteLine($"2. MPS expectation value: transverse-field Ising chain, {Sites} sites, J = h = 1, H as an MPO of bond 3");
        int failures = 0;
        TensorTrainMatrix<double> hamiltonian = IsingMpo();
        Matrix<double> dense = DenseHamiltonian();

        // The MPO against the Hamiltonian written out from its definition.
        double mpoError = (AsMatrix(hamiltonian.ToDense()) - dense).FrobeniusNorm() / dense.FrobeniusNorm();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   MPO vs the Hamiltonian from Pauli strings: relative difference {mpoError:0.0e+0}"));
        failures += Check(mpoError < 1e-14, "the MPO is not the Hamiltonian");

        // |+⟩^N: ⟨ZZ⟩ = 0 and ⟨X⟩ = 1, so E = −h N exactly.
        TensorTrain<double> plus = ProductState(1 / Math.Sqrt(2), 1 / Math.Sqrt(2));
        double productEnergy = Kernels.Energy(plus, hamiltonian, plus) / Kernels.Overlap(plus, plus);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   product state |+>^{Sites}: E = {productEnergy:0.000000000000} (exactly −{Sites * Field})"));
        failures += Check(Math.Abs(productEnergy + (Sites * Field)) < 1e-12, "the product state's energy is wrong");

        Evd<double> evd = dense.Evd(Symmetricity.Symmetric);
        int ground = Enumerable.Range(0, evd.EigenValues.Count).MinBy(i => evd.EigenValues[i].Real);
        double exact = evd.EigenValues[ground].Real;
        Tensor<double> groundState = Tensor.Create(evd.EigenVectors.Column(ground).ToArray(), Enumerable.Repeat((nint)2, Sites).ToArray());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   exact ground-state energy (dense diagonalization, for reference): {exact:0.000000000000}"));
        Console.WriteLine("   bond χ   parameters   E(χ) = <ψ|H|ψ>/<ψ|ψ>   E(χ) − E0      <ψ|Hψ> via MPO × MPS");
        foreach (int chi in new[] { 1, 2, 4, 8, 16, 32 })
        {
            TensorTrain<double> psi = TensorTrain.Svd(groundState, TensorTrainTruncation.ToRank(chi));
            double norm2 = Kernels.Overlap(psi, psi);
            double energy = Kernels.Energy(psi, hamiltonian, psi) / norm2;
            double viaApply = Kernels.Overlap(psi, hamiltonian.Apply(psi)) / norm2;
            long parameters = psi.Cores.Sum(c => (long)c.FlattenedLength);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   {chi,5}   {parameters,10}   {energy,20:0.000000000000}   {energy - exact,12:0.00e+0}   {viaApply,20:0.000000000000}"));
            failures += Check(energy >= exact - 1e-10, "an MPS energy is below the ground-state energy");
            failures += Check(Math.Abs(energy - viaApply) < 1e-10 * Math.Abs(energy), "the zipper and MPO × MPS disagree");
            if (chi == 32)
            {
                failures += Check(Math.Abs(energy - exact) < 1e-10, "the untruncated MPS does not reproduce the ground-state energy");
            }
        }

        Console.WriteLine();
        return failures;
    }

    /// <summary>
    /// The Ising MPO in lower-triangular form: bulk W = [[I, 0, 0], [Z, 0, 0], [−hX, −JZ, I]], the first core W's last
    /// row, the last core its first column (Schollwöck 2011, Ann. Phys. 326 §6.1). Core [a, i, j, b] holds W[a, b][i, j].
    /// </summary>
    private static TensorTrainMatrix<double> IsingMpo()
    {
        double[,] identity = { { 1, 0 }, { 0, 1 } }, x = { { 0, 1 }, { 1, 0 } }, z = { { 1, 0 }, { 0, -1 } };
        var w = new double[3, 3][,];
        w[0, 0] = identity;
        w[1, 0] = z;
        w[2, 0] = Scale(x, -Field);
        w[2, 1] = Scale(z, -J);
        w[2, 2] = identity;

        var cores = new Tensor<double>[Sites];
        for (int k = 0; k < Sites; k++)
        {
            int[] rows = k == 0 ? [2] : [0, 1, 2];
            int[] columns = k == Sites - 1 ? [0] : [0, 1, 2];
            var data = new double[rows.Length * 2 * 2 * columns.Length];
            for (int a = 0; a < rows.Length; a++)
            {
                for (int b = 0; b < columns.Length; b++)
                {
                    double[,]? block = w[rows[a], columns[b]];
                    for (int i = 0; i < 2 && block is not null; i++)
                    {
                        for (int j = 0; j < 2; j++)
                        {
                            data[(((((a * 2) + i) * 2) + j) * columns.Length) + b] = block[i, j];
                        }
                    }
                }
            }

            cores[k] = Tensor.Create(data, [rows.Length, 2, 2, columns.Length]);
        }

        return new TensorTrainMatrix<double>(cores);
    }

    /// <summary>H in the computational basis, site 0 the most significant bit: diagonal −J Σ z_i z_{i+1}, X_i flips bit i.</summary>
    private static Matrix<double> DenseHamiltonian()
    {
        int dimension = 1 << Sites;
        var h = Matrix<double>.Build.Dense(dimension, dimension);
        for (int s = 0; s < dimension; s++)
        {
            for (int i = 0; i < Sites; i++)
            {
                int bit = Sites - 1 - i;
                if (i < Sites - 1)
                {
                    int zi = ((s >> bit) & 1) == 0 ? 1 : -1, zj = ((s >> (bit - 1)) & 1) == 0 ? 1 : -1;
                    h[s, s] -= J * zi * zj;
                }

                h[s ^ (1 << bit), s] -= Field;
            }
        }

        return h;
    }

    private static TensorTrain<double> ProductState(double up, double down) =>
        new(Enumerable.Range(0, Sites).Select(_ => Tensor.Create(new[] { up, down }, [1, 2, 1])).ToArray());

    /// <summary>The operator tensor [m_1, …, m_N, n_1, …, n_N] as a matrix: rows' modes then columns', row-major.</summary>
    private static Matrix<double> AsMatrix(Tensor<double> tensor)
    {
        int dimension = 1 << Sites;
        var values = new double[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return Matrix<double>.Build.Dense(dimension, dimension, (i, j) => values[((long)i * dimension) + j]);
    }

    private static double[,] Scale(double[,] m, double s) => new[,] { { s * m[0, 0], s * m[0, 1] }, { s * m[1, 0], s * m[1, 1] } };

    private static int Check(bool ok, string what)
    {
        if (!ok)
        {
            Console.WriteLine("   FAILED: " + what);
        }

        return ok ? 0 : 1;
    }
}
