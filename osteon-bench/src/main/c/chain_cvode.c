/*
 * The BMU chain of osteon-bench's ChainModel (N Pivonka 2008 units coupled by RANKL diffusion,
 * 3N states) solved by SUNDIALS CVODE (BDF, Newton, banded direct linear solver with CVODE's
 * difference-quotient banded Jacobian), 365 days, daily output stored, rtol 1e-6, atol 1e-9:
 * the C baseline of issue 14. Same equations and parameter values as ChainModel.antimony(N).
 *
 * Build: osteon-bench/src/main/c/build.sh (gcc -O2 against Debian's libsundials-dev 6.4.1).
 * Run:   chain_cvode N [repeats]
 * Prints: cvode N=.. median_ms=.. min_ms=.. max_ms=.. steps=.. f=.. J=.. LU=.. OCa_N(365)=..
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sunlinsol/sunlinsol_band.h>
#include <sunmatrix/sunmatrix_band.h>

static const double D_OBu = 7e-4, D_OBp = 0.2674077909527713, A_OBa = 0.189, D_OCp = 2.1e-3, A_OCa = 0.7;
static const double K_D1 = 4.545454545454545e-3, K_D2 = 1.415624253823446e-3, K_D3 = 4.545454545454545e-3;
static const double K_D4 = 150, K_D6 = 0.2225814277099542, K_D8 = 4.457452802710724;
static const double beta_PTH = 250, D_PTH = 86, beta_RANKL = 168.4195714712206, D_RANKL = 10.132471014805027;
static const double beta_OPG = 1.624900337835679e8, OPG_max = 2e8, D_OPG = 0.35, R_RANKL = 2.703476379131062e6;
static const double K_A1 = 1e-3, K_A2 = 3.411764705882353e-2, RANK = 10, alpha = 1, k_res = 1, D_TGFb = 1;
static const double kappa = 0.2, PTH_MAX = 1000;

typedef struct {
    int n;          /* units */
    double *ip;     /* PTH injection per unit */
    double *L;      /* the units' own RANKL, workspace */
} Chain;

static int rhs(sunrealtype t, N_Vector yv, N_Vector dv, void *data) {
    (void) t;
    Chain *c = (Chain *) data;
    const double *y = N_VGetArrayPointer(yv);
    double *d = N_VGetArrayPointer(dv);
    int n = c->n;
    for (int i = 0; i < n; i++) {
        double OBp = y[3 * i], OBa = y[3 * i + 1];
        double PTH = (beta_PTH + c->ip[i]) / D_PTH;
        double pPTH = PTH / (PTH + K_D4);
        double rPTH = K_D6 / (PTH + K_D6);
        double POPG = beta_OPG * OBa * rPTH;
        double OPG = POPG * OPG_max / (POPG + D_OPG * OPG_max);
        double Leff = R_RANKL * OBp * pPTH;
        c->L[i] = Leff / (1 + K_A1 * OPG + K_A2 * RANK) * beta_RANKL / (beta_RANKL + D_RANKL * Leff);
    }
    for (int i = 0; i < n; i++) {
        double OBp = y[3 * i], OBa = y[3 * i + 1], OCa = y[3 * i + 2];
        double TGFb = alpha * k_res * OCa / D_TGFb;
        double pOBu = TGFb / (TGFb + K_D1);
        double rOBp = K_D2 / (TGFb + K_D2);
        double pOCa = TGFb / (TGFb + K_D3);
        double Ll = c->L[i == 0 ? 0 : i - 1], Lr = c->L[i == n - 1 ? n - 1 : i + 1];
        double RANKL = c->L[i] + kappa * (Ll - 2 * c->L[i] + Lr);
        double pOCp = K_A2 * RANKL * RANK / (K_A2 * RANKL * RANK + K_D8);
        d[3 * i] = D_OBu * pOBu - D_OBp * OBp * rOBp;
        d[3 * i + 1] = D_OBp * OBp * rOBp - A_OBa * OBa;
        d[3 * i + 2] = D_OCp * pOCp - A_OCa * OCa * pOCa;
    }
    return 0;
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of this process: comparable with Osteon's process CPU time on a shared machine */
static double cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static void check(int flag, const char *what) {
    if (flag < 0) {
        fprintf(stderr, "%s failed: %d\n", what, flag);
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: chain_cvode N [repeats]\n");
        return 2;
    }
    int n = atoi(argv[1]);
    int repeats = argc > 2 ? atoi(argv[2]) : 3;
    int dim = 3 * n, days = 365;
    Chain chain = {n, malloc(sizeof(double) * n), malloc(sizeof(double) * n)};
    for (int i = 0; i < n; i++) {
        chain.ip[i] = n == 1 ? 0 : PTH_MAX * i / (n - 1);
    }
    double *out = malloc(sizeof(double) * (size_t) dim * (days + 1)); /* the daily output, as Osteon keeps it */
    double *ms = malloc(sizeof(double) * (repeats + 1));
    double *cpu = malloc(sizeof(double) * (repeats + 1));
    long steps = 0, fevals = 0, jevals = 0, setups = 0, lsfevals = 0;
    double last = 0;
    SUNContext ctx;
    check(SUNContext_Create(NULL, &ctx), "SUNContext_Create");
    for (int r = 0; r <= repeats; r++) { /* run 0 is the warm-up */
        double start = now_ms();
        double cpuStart = cpu_ms();
        N_Vector y = N_VNew_Serial(dim, ctx);
        double *yd = N_VGetArrayPointer(y);
        for (int i = 0; i < n; i++) {
            yd[3 * i] = 6.196390628173431e-4;
            yd[3 * i + 1] = 5.583931899642794e-4;
            yd[3 * i + 2] = 8.069635262994807e-4;
        }
        memcpy(out, yd, sizeof(double) * dim);
        void *mem = CVodeCreate(CV_BDF, ctx);
        check(CVodeInit(mem, rhs, 0.0, y), "CVodeInit");
        check(CVodeSetUserData(mem, &chain), "CVodeSetUserData");
        check(CVodeSStolerances(mem, 1e-6, 1e-9), "CVodeSStolerances");
        check(CVodeSetMaxNumSteps(mem, 10000000), "CVodeSetMaxNumSteps");
        SUNMatrix A = SUNBandMatrix(dim, 2, 5, ctx); /* upper 2, lower 5 in the unit-major state order */
        SUNLinearSolver LS = SUNLinSol_Band(y, A, ctx);
        check(CVodeSetLinearSolver(mem, LS, A), "CVodeSetLinearSolver");
        for (int k = 1; k <= days; k++) {
            sunrealtype t;
            check(CVode(mem, (double) k, y, &t, CV_NORMAL), "CVode");
            memcpy(out + (size_t) k * dim, yd, sizeof(double) * dim);
        }
        ms[r] = now_ms() - start;
        cpu[r] = cpu_ms() - cpuStart;
        CVodeGetNumSteps(mem, &steps);
        CVodeGetNumRhsEvals(mem, &fevals);
        CVodeGetNumJacEvals(mem, &jevals);
        CVodeGetNumLinSolvSetups(mem, &setups);
        CVodeGetNumLinRhsEvals(mem, &lsfevals);
        last = yd[dim - 1];
        CVodeFree(&mem);
        SUNLinSolFree(LS);
        SUNMatDestroy(A);
        N_VDestroy(y);
    }
    qsort(ms + 1, repeats, sizeof(double), cmp);
    qsort(cpu + 1, repeats, sizeof(double), cmp);
    printf("cvode N=%d median_ms=%.2f min_ms=%.2f max_ms=%.2f cpu_median_ms=%.2f cpu_min_ms=%.2f steps=%ld f=%ld J=%ld LU=%ld OCa_%d(365)=%.10e\n",
           n, ms[1 + repeats / 2], ms[1], ms[repeats], cpu[1 + repeats / 2], cpu[1], steps, fevals + lsfevals, jevals, setups,
           n, last);
    SUNContext_Free(&ctx);
    free(out);
    free(ms);
    free(cpu);
    free(chain.ip);
    free(chain.L);
    return 0;
}
