# Critical-difference diagram of the average ranks (Demšar 2006).
# Written by `parzen plot` from results/versus-optuna. Standalone: reads only files beside it and writes
# ranks.png beside it; run `gnuplot plots/NAME/ranks.gp` from anywhere or `gnuplot ranks.gp` in its folder.
script_dir = strlen(ARG0) > strlen('ranks.gp') ? ARG0[1:strlen(ARG0) - strlen('ranks.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 900,652 enhanced font "DejaVu Sans,11"
set output 'ranks.png'
set encoding utf8

set title "Average ranks over 13 problems at 200 evaluations (1 = best)\nFriedman p = 5.53e-11 (differences exist); Nemenyi CD (alpha = 0.05) = 2.91; bars join suggesters within CD" noenhanced
unset border
unset xtics
unset ytics
unset key
set lmargin 33
set rmargin 33
set xrange [1:8.0]
set yrange [-2.7199999999999998:1.45]
# the rank axis
set arrow from 1,0 to 8,0 nohead lw 1.5 lc rgb '#000000'
set arrow from 1,0 to 1,0.16 nohead lw 1.5 lc rgb '#000000'
set label '1' at 1,0.34 center
set arrow from 1.5,0 to 1.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 2,0 to 2,0.16 nohead lw 1.5 lc rgb '#000000'
set label '2' at 2,0.34 center
set arrow from 2.5,0 to 2.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 3,0 to 3,0.16 nohead lw 1.5 lc rgb '#000000'
set label '3' at 3,0.34 center
set arrow from 3.5,0 to 3.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 4,0 to 4,0.16 nohead lw 1.5 lc rgb '#000000'
set label '4' at 4,0.34 center
set arrow from 4.5,0 to 4.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 5,0 to 5,0.16 nohead lw 1.5 lc rgb '#000000'
set label '5' at 5,0.34 center
set arrow from 5.5,0 to 5.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 6,0 to 6,0.16 nohead lw 1.5 lc rgb '#000000'
set label '6' at 6,0.34 center
set arrow from 6.5,0 to 6.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 7,0 to 7,0.16 nohead lw 1.5 lc rgb '#000000'
set label '7' at 7,0.34 center
set arrow from 7.5,0 to 7.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 8,0 to 8,0.16 nohead lw 1.5 lc rgb '#000000'
set label '8' at 8,0.34 center
# the critical difference
set arrow from 1,0.95 to 3.9120906050993147,0.95 heads size screen 0.006,90 lw 2 lc rgb '#000000'
set label 'CD = 2.91' at 2.4560453025496574,1.17 center
# groups not significantly different
set arrow from 1.7292307692307691,-0.22 to 4.501538461538462,-0.22 nohead lw 5 lc rgb '#000000'
set arrow from 2.96,-0.38 to 5.3476923076923075,-0.38 nohead lw 5 lc rgb '#000000'
set arrow from 4.421538461538462,-0.54 to 7.116923076923077,-0.54 nohead lw 5 lc rgb '#000000'
set arrow from 5.2676923076923075,-0.7 to 7.578461538461538,-0.7 nohead lw 5 lc rgb '#000000'
# suggesters: a hook from the rank down to the name
set arrow from 1.7692307692307692,0 to 1.7692307692307692,-1.16 nohead lw 1.5 lc rgb '#7f7f7f'
set arrow from 1.7692307692307692,-1.16 to 1.0,-1.16 nohead lw 1.5 lc rgb '#7f7f7f'
set label 'optuna-cmaes (1.77)' at 1.0,-1.16 right offset -0.6,0 noenhanced textcolor rgb '#7f7f7f'
set arrow from 3.0,0 to 3.0,-1.5799999999999998 nohead lw 1.5 lc rgb '#d62728'
set arrow from 3.0,-1.5799999999999998 to 1.0,-1.5799999999999998 nohead lw 1.5 lc rgb '#d62728'
set label 'optuna-tpe (3.00)' at 1.0,-1.5799999999999998 right offset -0.6,0 noenhanced textcolor rgb '#d62728'
set arrow from 3.1538461538461537,0 to 3.1538461538461537,-2.0 nohead lw 1.5 lc rgb '#ff7f0e'
set arrow from 3.1538461538461537,-2.0 to 1.0,-2.0 nohead lw 1.5 lc rgb '#ff7f0e'
set label 'anneal (3.15)' at 1.0,-2.0 right offset -0.6,0 noenhanced textcolor rgb '#ff7f0e'
set arrow from 3.6923076923076925,0 to 3.6923076923076925,-2.42 nohead lw 1.5 lc rgb '#9467bd'
set arrow from 3.6923076923076925,-2.42 to 1.0,-2.42 nohead lw 1.5 lc rgb '#9467bd'
set label 'optuna-tpe-independent (3.69)' at 1.0,-2.42 right offset -0.6,0 noenhanced textcolor rgb '#9467bd'
set arrow from 4.461538461538462,0 to 4.461538461538462,-2.42 nohead lw 1.5 lc rgb '#e377c2'
set arrow from 4.461538461538462,-2.42 to 8.0,-2.42 nohead lw 1.5 lc rgb '#e377c2'
set label 'optuna-sobol (4.46)' at 8.0,-2.42 left offset 0.6,0 noenhanced textcolor rgb '#e377c2'
set arrow from 5.3076923076923075,0 to 5.3076923076923075,-2.0 nohead lw 1.5 lc rgb '#1f77b4'
set arrow from 5.3076923076923075,-2.0 to 8.0,-2.0 nohead lw 1.5 lc rgb '#1f77b4'
set label 'tpe (5.31)' at 8.0,-2.0 left offset 0.6,0 noenhanced textcolor rgb '#1f77b4'
set arrow from 7.076923076923077,0 to 7.076923076923077,-1.5799999999999998 nohead lw 1.5 lc rgb '#2ca02c'
set arrow from 7.076923076923077,-1.5799999999999998 to 8.0,-1.5799999999999998 nohead lw 1.5 lc rgb '#2ca02c'
set label 'sobol (7.08)' at 8.0,-1.5799999999999998 left offset 0.6,0 noenhanced textcolor rgb '#2ca02c'
set arrow from 7.538461538461538,0 to 7.538461538461538,-1.16 nohead lw 1.5 lc rgb '#8c564b'
set arrow from 7.538461538461538,-1.16 to 8.0,-1.16 nohead lw 1.5 lc rgb '#8c564b'
set label 'optuna-random (7.54)' at 8.0,-1.16 left offset 0.6,0 noenhanced textcolor rgb '#8c564b'
plot 'ranks.dat' using 1:(0):2 with points pt 7 ps 1.8 lc rgb variable notitle
