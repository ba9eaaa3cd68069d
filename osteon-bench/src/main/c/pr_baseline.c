/*
 * petersonriggs2010 in C, solved by LSODA or SUNDIALS CVODE: the C baselines of issue 11.
 *
 * The model (pr_model.h) is written by org.osteon.bench.PetersonRiggsCBaseline from Osteon's own
 * generated right-hand side, with the scenario's initial state, parameters, doses and output times.
 * As in OpenBoneMin, the switch flags (RUNX2 at BCL2 = 105, the phosphate switch, max(0, .) on
 * urinary calcium and phosphate) are set inside the right-hand side from the current state, and the
 * solvers step across the kinks under their error control; each dose restarts the solver, as
 * mrgsolve does.
 *
 *   lsoda: liblsoda (github.com/sdwfrost/liblsoda, MIT), a C translation of Hindmarsh and Petzold's
 *          LSODA, the algorithm OpenBoneMin's mrgsolve runs (its own C++ port); itask 1 to each
 *          output time, as mrgsolve; internal dense Jacobian by differences (jt = 2).
 *   cvode: SUNDIALS CVODE 6 (Debian libsundials-dev), BDF, Newton, dense direct solver with CVODE's
 *          difference-quotient Jacobian, stop time at each dose.
 *
 * Build: osteon-bench/src/main/c/build_pr.sh.  Run: pr_baseline lsoda|cvode RTOL ATOL REPEATS [OUTFILE]
 * Prints the median and minimum CPU time of REPEATS solves (the first is a warm-up and not counted),
 * the steps and right-hand sides of one solve, and writes the states at the output times to OUTFILE
 * (little-endian doubles: time, then the states, per output time) for PetersonRiggsCBaseline compare.
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

#include "lsoda.h"
#include "common.h"

#include "pr_model.h"

typedef struct {
    double p[NPAR];
    long rhs;
} Run;

/* the flags as the current state sets them: each event's trigger decides its flag */
static void rhs_with_flags(double t, const double *y, Run *r, double *dy) {
    for (int e = 0; e < NEVENT; e++) {
        if (trigger(e, t, y, r->p)) {
            r->p[EVENT_PARAMETER[e]] = EVENT_VALUE[e];
        }
    }
    model_rhs(t, y, r->p, dy);
    r->rhs++;
}

static int lsoda_f(double t, double *y, double *dy, void *data) {
    rhs_with_flags(t, y, (Run *) data, dy);
    return 0;
}

static int cvode_f(sunrealtype t, N_Vector y, N_Vector dy, void *data) {
    rhs_with_flags(t, N_VGetArrayPointer(y), (Run *) data, N_VGetArrayPointer(dy));
    return 0;
}

static double cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One solve of the scenario; states at the output times into out (NOUT x (1 + NEQ)); returns steps. */
static long solve(int use_cvode, double rtol, double atol, double *out, long *rhs) {
    Run run;
    memcpy(run.p, P0, sizeof run.p);
    run.rhs = 0;
    double y[NEQ];
    memcpy(y, Y0, sizeof y);
    double rtols[NEQ], atols[NEQ];
    for (int i = 0; i < NEQ; i++) {
        rtols[i] = rtol;
        atols[i] = atol;
    }
    long steps = 0;
    struct lsoda_opt_t opt = {0};
    struct lsoda_context_t ctx = {.function = lsoda_f, .neq = NEQ, .data = &run, .state = 1};
    SUNContext sun = NULL;
    void *cv = NULL;
    N_Vector v = NULL;
    SUNMatrix A = NULL;
    SUNLinearSolver LS = NULL;
    if (use_cvode) {
        SUNContext_Create(NULL, &sun);
        v = N_VNew_Serial(NEQ, sun);
        memcpy(N_VGetArrayPointer(v), y, sizeof y);
        cv = CVodeCreate(CV_BDF, sun);
        CVodeInit(cv, cvode_f, T0, v);
        CVodeSStolerances(cv, rtol, atol);
        CVodeSetUserData(cv, &run);
        CVodeSetMaxNumSteps(cv, 1000000);
        A = SUNDenseMatrix(NEQ, NEQ, sun);
        LS = SUNLinSol_Dense(v, A, sun);
        CVodeSetLinearSolver(cv, LS, A);
    } else {
        opt.ixpr = 0;
        opt.rtol = rtols;
        opt.atol = atols;
        opt.itask = 1;
        opt.mxstep = 1000000;
        lsoda_prepare(&ctx, &opt);
    }
    double t = T0;
    int k = 0, d = 0, first = 1;
    for (;;) {
        int dosed = 0;
        while (d < NDOSE && DOSE_T[d] <= t) {
            y[DOSE_STATE[d]] += DOSE_AMOUNT[d];
            d++;
            dosed = 1;
        }
        if (dosed && !first) {
            if (use_cvode) {
                long n;
                CVodeGetNumSteps(cv, &n);
                steps += n;
                memcpy(N_VGetArrayPointer(v), y, sizeof y);
                CVodeReInit(cv, t, v);
            } else {
                ctx.state = 1; /* restart; the step counter nst runs on across restarts */
            }
        } else if (dosed && use_cvode) {
            memcpy(N_VGetArrayPointer(v), y, sizeof y);
            CVodeReInit(cv, t, v);
        }
        first = 0;
        while (k < NOUT && OUT_T[k] <= t) {
            out[k * (NEQ + 1)] = OUT_T[k];
            memcpy(out + k * (NEQ + 1) + 1, y, sizeof y);
            k++;
        }
        if (k >= NOUT) {
            break;
        }
        double target = OUT_T[k];
        if (d < NDOSE && DOSE_T[d] < target) {
            target = DOSE_T[d];
        }
        if (use_cvode) {
            /* a stop time at the next dose (after the last one, the end: a stop time once set stays) */
            CVodeSetStopTime(cv, d < NDOSE ? DOSE_T[d] : T_END);
            sunrealtype tr;
            int flag = CVode(cv, target, v, &tr, CV_NORMAL);
            if (flag < 0) {
                fprintf(stderr, "cvode failed at t=%g: %d\n", t, flag);
                exit(1);
            }
            memcpy(y, N_VGetArrayPointer(v), sizeof y);
            t = target;
        } else {
            lsoda(&ctx, y, &t, target);
            if (ctx.state <= 0) {
                fprintf(stderr, "lsoda failed at t=%g: state %d\n", t, ctx.state);
                exit(1);
            }
            t = target;
        }
    }
    if (use_cvode) {
        long n;
        CVodeGetNumSteps(cv, &n);
        steps += n;
        SUNLinSolFree(LS);
        SUNMatDestroy(A);
        N_VDestroy(v);
        CVodeFree(&cv);
        SUNContext_Free(&sun);
    } else {
        steps = ctx.common->nst;
        lsoda_free(&ctx);
    }
    *rhs = run.rhs;
    return steps;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: %s lsoda|cvode RTOL ATOL REPEATS [OUTFILE]\n", argv[0]);
        return 2;
    }
    int use_cvode = strcmp(argv[1], "cvode") == 0;
    double rtol = atof(argv[2]), atol = atof(argv[3]);
    int repeats = atoi(argv[4]);
    double *out = malloc(sizeof(double) * NOUT * (NEQ + 1));
    double *ms = malloc(sizeof(double) * (repeats + 1));
    long steps = 0, rhs = 0;
    for (int r = 0; r <= repeats; r++) {
        double t0 = cpu_ms();
        steps = solve(use_cvode, rtol, atol, out, &rhs);
        ms[r] = cpu_ms() - t0;
    }
    qsort(ms + 1, repeats, sizeof(double), by_value);
    printf("%s rtol=%g atol=%g median_ms=%.2f min_ms=%.2f (n=%d after 1 warm-up) steps=%ld rhs=%ld\n", argv[1], rtol, atol,
           ms[1 + repeats / 2], ms[1], repeats, steps, rhs);
    if (argc > 5) {
        FILE *f = fopen(argv[5], "wb");
        if (!f || fwrite(out, sizeof(double), (size_t) NOUT * (NEQ + 1), f) != (size_t) NOUT * (NEQ + 1) || fclose(f)) {
            fprintf(stderr, "cannot write %s\n", argv[5]);
            return 1;
        }
    }
    free(out);
    free(ms);
    return 0;
}
